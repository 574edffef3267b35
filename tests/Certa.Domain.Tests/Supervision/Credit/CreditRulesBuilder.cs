using Certa.Domain.Common;
using Certa.Domain.Supervision.Credit;

namespace Certa.Domain.Tests.Supervision.Credit;

/// <summary>
/// Credit rules for tests, independent of the shipped file: start 100, A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 0, C and D
/// flagged, and a few event types with round numbers. Each test changes what it is about.
/// </summary>
internal sealed class CreditRulesBuilder
{
    public const string Withdrawn = "certificate-withdrawn";
    public const string InspectionFailed = "inspection-failed";
    public const string InspectionPassed = "inspection-passed";
    public const string FalseDocuments = "false-documents";
    public const string MinusTen = "minus-ten";
    public const string MinusOne = "minus-one";
    public const string DecisionOverturned = "decision-overturned";

    public static readonly DateTimeOffset Day = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly LocalizedText Message = new("Low credit: review closely.", "信用等级低：请加强审查。");

    private int starting = 100;
    private int? max;
    private List<CreditLevel> levels = [Level("A", 90), Level("B", 75), Level("C", 60), Level("D", 0)];
    private List<string> flagged = ["C", "D"];

    private readonly List<CreditEventType> types =
    [
        Type(Withdrawn, -30, months: 36),
        Type(InspectionFailed, -15, months: 36),
        Type(InspectionPassed, 2, months: 12),
        Type(FalseDocuments, -50, months: 36, decays: false, serious: true),
        Type(MinusTen, -10, months: 36, decays: false),
        Type(MinusOne, -1, months: 36, decays: false),
        Type(DecisionOverturned, -10, months: 36, subject: CreditSubjectKind.Body),
    ];

    public static CreditRules Default => new CreditRulesBuilder().Build();

    public static CreditSubject Enterprise { get; } = CreditSubject.Enterprise("ent-1");

    public static CreditSubject Body { get; } = CreditSubject.Body("cqc");

    public static CreditLevel Level(string id, int minScore) => new(id, minScore, new LocalizedText($"Level {id}", $"{id} 级"));

    public static CreditEventType Type(string id, int points, int months, bool decays = true, bool serious = false,
        CreditSubjectKind subject = CreditSubjectKind.Enterprise) =>
        new(id, subject, new LocalizedText(id, id), points, months, decays, serious, certaDefault: true, new Provenance("test"));

    public static CreditEvent Event(string type, DateTimeOffset when, CreditSubject? subject = null, string? reference = null) =>
        new(subject ?? Enterprise, type, when, reference);

    public CreditRulesBuilder Starting(int score)
    {
        starting = score;
        return this;
    }

    public CreditRulesBuilder Max(int score)
    {
        max = score;
        return this;
    }

    public CreditRulesBuilder Levels(params CreditLevel[] scale)
    {
        levels = [.. scale];
        return this;
    }

    public CreditRulesBuilder Flagging(params string[] ids)
    {
        flagged = [.. ids];
        return this;
    }

    public CreditRulesBuilder With(CreditEventType type)
    {
        types.Add(type);
        return this;
    }

    public CreditRules Build() =>
        new(starting, max ?? starting, levels, types, new ApplicationFlagRule(flagged, Message), certaDefault: true, new Provenance("test"));
}
