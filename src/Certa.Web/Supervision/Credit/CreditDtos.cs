using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Supervision.Credit;
using Certa.Web.Registry;

namespace Certa.Web.Supervision.Credit;

public sealed record CreditLevelDto(string Id, int MinScore, TextDto Meaning)
{
    public static CreditLevelDto From(CreditLevel l) => new(l.Id, l.MinScore, TextDto.From(l.Meaning));
}

/// <summary>One enterprise or body in the public list: its level and score now.</summary>
public sealed record CreditSummaryDto(string Kind, string Id, TextDto Name, string Level, decimal Score, string Link)
{
    public static CreditSummaryDto From(CreditStanding s) => new(CreditSubjects.Name(s.Subject.Kind), s.Subject.Id, TextDto.From(s.Name),
        s.Assessment.Level.Id, s.Assessment.Score, CreditLinks.Page(s.Subject));
}

/// <summary>An event as it counts now: its full points, its weight now, the share left after decay and the moment it stops counting.</summary>
public sealed record CreditContributionDto(string Type, TextDto Name, DateTimeOffset OccurredAt, string? Reference, string? Note,
    int Points, decimal Weight, decimal Share, bool Decays, bool Serious, DateTimeOffset Until, ProvenanceDto Source, bool CertaDefault)
{
    public static CreditContributionDto From(CreditContribution c) => new(c.Type.Id, TextDto.From(c.Type.Name), c.Event.When, c.Event.Reference,
        c.Event.Note, c.Type.Points, c.Weight, c.Share, c.Type.Decays, c.Type.Serious, c.Until, ProvenanceDto.From(c.Type.Provenance), c.Type.CertaDefault);
}

/// <summary>A subject's credit now: the level and its meaning, the score on the rules' scale, and every event that counts.</summary>
public sealed record CreditDto(string Kind, string Id, TextDto Name, DateTimeOffset At, CreditLevelDto Level, decimal Score, int StartingScore,
    int MaxScore, bool FlagsApplications, IReadOnlyList<CreditContributionDto> Events, ProvenanceDto Rules, bool RulesCertaDefault)
{
    public static CreditDto From(CreditStanding s, CreditRules rules)
    {
        var a = s.Assessment;
        return new(CreditSubjects.Name(a.Subject.Kind), a.Subject.Id, TextDto.From(s.Name), a.At, CreditLevelDto.From(a.Level), a.Score,
            rules.StartingScore, rules.MaxScore, ApplicationFlag.For(rules, a) is not null, [.. a.Contributions.Select(CreditContributionDto.From)],
            ProvenanceDto.From(rules.Provenance), rules.CertaDefault);
    }
}

/// <summary>What an officer posts to record a credit event; <c>day</c> is <c>yyyy-MM-dd</c>.</summary>
public sealed record RecordCreditEventRequest(string? Subject, string? Type, DateOnly? Day, string? Reference, string? Note)
{
    public CreditEventInput ToInput() => new(Subject, Type, Day, Reference, Note);
}

public sealed record CreditRecordDto(Guid Id, string Kind, string Subject, string Type, DateTimeOffset OccurredAt, string? Reference, string? Note,
    string RecordedBy, long? CausedBy)
{
    public static CreditRecordDto From(CreditRecord r) => new(r.Id, CreditSubjects.Name(r.SubjectKind), r.SubjectId, r.Type, r.OccurredAt,
        r.Reference, r.Note, r.RecordedBy, r.CausedBy);
}

/// <summary>The warning the body handling an application sees when the applicant's credit level flags it.</summary>
public sealed record CreditFlagDto(string Level, decimal Score, TextDto Meaning, TextDto Message, string Link)
{
    public static CreditFlagDto? From(ApplicationFlag? flag) => flag is null ? null
        : new(flag.Level.Id, flag.Score, TextDto.From(flag.Level.Meaning), TextDto.From(flag.Message), CreditLinks.Page(flag.Enterprise));
}
