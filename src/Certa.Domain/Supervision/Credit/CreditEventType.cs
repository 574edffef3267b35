using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Credit;

/// <summary>
/// A kind of credit event and its documented weight: the points it deducts (negative) or adds (positive),
/// how many months it counts, and whether it fades linearly to nothing over them or counts fully until its end.
/// A serious event (the kind market regulators put on a "serious violation" list) also holds the subject
/// at the lowest level while it counts, whatever the score.
/// </summary>
public sealed record CreditEventType
{
    public CreditEventType(string id, CreditSubjectKind subject, LocalizedText name, int points, int countsForMonths, bool decays,
        bool serious, bool certaDefault, Provenance provenance)
    {
        Id = Guard.Id(id);
        if (name is null || name.IsEmpty)
        {
            throw new ArgumentException($"Credit event '{Id}' needs a name.", nameof(name));
        }

        if (points == 0)
        {
            throw new ArgumentException($"Credit event '{Id}' has 0 points; give it a weight that deducts (negative) or adds (positive).", nameof(points));
        }

        if (countsForMonths <= 0)
        {
            throw new ArgumentException($"Credit event '{Id}' counts for {countsForMonths} months; it must count for at least 1.", nameof(countsForMonths));
        }

        if (serious && points > 0)
        {
            throw new ArgumentException($"Credit event '{Id}' is serious but adds {points} points; only a deduction can be serious.", nameof(serious));
        }

        Subject = subject;
        Name = name;
        Points = points;
        CountsForMonths = countsForMonths;
        Decays = decays;
        Serious = serious;
        CertaDefault = certaDefault;
        Provenance = provenance ?? throw new ArgumentNullException(nameof(provenance));
    }

    public string Id { get; }

    /// <summary>Whether the event is about an enterprise or a body.</summary>
    public CreditSubjectKind Subject { get; }

    public LocalizedText Name { get; }

    /// <summary>Full weight when the event happens: negative deducts, positive adds.</summary>
    public int Points { get; }

    public int CountsForMonths { get; }

    /// <summary>True: the weight fades linearly from full on the day of the event to nothing at its end.</summary>
    public bool Decays { get; }

    public bool Serious { get; }

    public bool IsPositive => Points > 0;

    /// <summary>True when the points, duration and decay are Certa's own choice rather than a published rule's.</summary>
    public bool CertaDefault { get; }

    /// <summary>Where the kind of event comes from (the rule that names it as an input to credit or classification).</summary>
    public Provenance Provenance { get; }

    /// <summary>The first moment at which an event of this type that happened at <paramref name="when"/> no longer counts.</summary>
    public DateTimeOffset EndOf(DateTimeOffset when) => when.AddMonths(CountsForMonths);
}
