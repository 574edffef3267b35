using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Credit;

/// <summary>
/// A subject's credit at a moment: the score, the level and every event that counts with its weight now, so
/// that a page can show why. The same rules, events and moment always give the same assessment, whatever
/// the order of the events.
/// </summary>
public sealed record CreditAssessment
{
    private CreditAssessment(CreditSubject subject, DateTimeOffset at, decimal score, CreditLevel level, IReadOnlyList<CreditContribution> contributions)
    {
        Subject = subject;
        At = at;
        Score = score;
        Level = level;
        Contributions = contributions;
    }

    public CreditSubject Subject { get; }

    public DateTimeOffset At { get; }

    /// <summary>The starting score plus the weights now, kept between 0 and the rules' highest score; two decimals.</summary>
    public decimal Score { get; }

    public CreditLevel Level { get; }

    /// <summary>The events that count at <see cref="At"/>, latest first.</summary>
    public IReadOnlyList<CreditContribution> Contributions { get; }

    /// <summary>A serious event that counts, which holds the level at the lowest whatever the score.</summary>
    public CreditContribution? Serious => Contributions.FirstOrDefault(c => c.Type.Serious);

    /// <summary>
    /// Weighs <paramref name="events"/> of <paramref name="subject"/> at <paramref name="now"/>. An event after
    /// <paramref name="now"/>, or whose duration has run out, does not count; a decaying one counts its full
    /// points on its day and linearly less until its end.
    /// </summary>
    /// <exception cref="DomainException">An event's type is unknown or is about the other kind of subject.</exception>
    public static CreditAssessment Of(CreditRules rules, CreditSubject subject, IEnumerable<CreditEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(events);
        var contributions = new List<CreditContribution>();
        foreach (var e in events)
        {
            if (e.Subject != subject)
            {
                throw new ArgumentException($"An event of {e.Subject} was given for the assessment of {subject}.", nameof(events));
            }

            var type = rules.EventType(e.Type);
            if (type.Subject != subject.Kind)
            {
                throw DomainException.Invalid("credit-event-wrong-subject",
                    $"'{type.Id}' is an event of {Plural(type.Subject)}, not of {Plural(subject.Kind)}.", "type");
            }

            if (Weigh(e, type, now) is { } counted)
            {
                contributions.Add(counted);
            }
        }

        contributions.Sort(LatestFirst);
        var total = rules.StartingScore + contributions.Sum(c => c.Weight);
        var score = Math.Clamp(total, 0m, rules.MaxScore);
        var level = contributions.Any(c => c.Type.Serious) ? rules.Lowest : rules.LevelOf(score);
        return new CreditAssessment(subject, now, score, level, contributions);
    }

    private static CreditContribution? Weigh(CreditEvent e, CreditEventType type, DateTimeOffset now)
    {
        var until = type.EndOf(e.When);
        if (e.When > now || now >= until)
        {
            return null;
        }

        var share = type.Decays ? (decimal)(until - now).Ticks / (until - e.When).Ticks : 1m;
        var weight = Math.Round(type.Points * share, 2, MidpointRounding.AwayFromZero);
        return new CreditContribution(e, type, weight, Math.Round(share, 4, MidpointRounding.AwayFromZero), until);
    }

    private static string Plural(CreditSubjectKind kind) => kind switch
    {
        CreditSubjectKind.Enterprise => "enterprises",
        CreditSubjectKind.Body => "bodies",
    };

    private static int LatestFirst(CreditContribution a, CreditContribution b)
    {
        var order = b.Event.When.CompareTo(a.Event.When);
        order = order != 0 ? order : string.CompareOrdinal(a.Type.Id, b.Type.Id);
        order = order != 0 ? order : string.CompareOrdinal(a.Event.Reference, b.Event.Reference);
        return order != 0 ? order : string.CompareOrdinal(a.Event.Note, b.Event.Note);
    }
}
