using Certa.Domain.Registry;

namespace Certa.Requirements.Evaluation;

/// <summary>
/// An answer without its explanations, for bulk use (a catalogue of 100 000 products): what is
/// needed, under which mode and standards, how long it takes, and what is coming.
/// </summary>
public sealed record AnswerSummary(
    string Product,
    IReadOnlyList<string> Markets,
    DateOnly Date,
    IReadOnlyList<AnswerSummary.Needed> Requirements,
    IReadOnlyList<string> RuledOut,
    int TotalMinDays,
    int TotalMaxDays,
    IReadOnlyList<AnswerSummary.Coming> Upcoming)
{
    public static AnswerSummary From(Answer answer) => new(
        answer.Profile.Product,
        answer.Profile.Markets,
        answer.Profile.Date,
        [.. answer.Requirements.Select(r => new Needed(r.Id, r.Scheme, r.Mode, r.Obligation, r.ProductType,
            [.. r.Standards.Select(s => s.Edition ?? s.Family)], r.MinDays, r.MaxDays, r.Verified))],
        [.. answer.RuledOut.Select(r => r.Id)],
        answer.Plan.TotalMinDays,
        answer.Plan.TotalMaxDays,
        [.. answer.Upcoming.Select(u => new Coming(u.Date, u.Kind, u.Scheme, u.What.En))]);

    public sealed record Needed(string Id, string Scheme, SchemeMode Mode, Obligation Obligation, string? ProductType,
        IReadOnlyList<string> Standards, int MinDays, int MaxDays, bool Verified);

    public sealed record Coming(DateOnly Date, UpcomingKind Kind, string Scheme, string What);
}
