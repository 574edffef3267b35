using System.Collections.Frozen;
using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Credit;

/// <summary>
/// The documented rules of credit records (<c>data/supervision/credit-rules.yaml</c>): the score every
/// subject starts with, the highest it may reach, the levels from best to worst, the weighted event types
/// and which levels flag new applications. Made only valid: a fault is refused with the value that caused it.
/// </summary>
public sealed class CreditRules
{
    private readonly FrozenDictionary<string, CreditEventType> eventTypes;

    public CreditRules(int startingScore, int maxScore, IReadOnlyList<CreditLevel> levels, IReadOnlyList<CreditEventType> eventTypes,
        ApplicationFlagRule flag, bool certaDefault, Provenance provenance)
    {
        if (startingScore <= 0)
        {
            throw new ArgumentException($"The starting score is {startingScore}; it must be above 0.", nameof(startingScore));
        }

        if (maxScore < startingScore)
        {
            throw new ArgumentException($"The highest score {maxScore} is below the starting score {startingScore}.", nameof(maxScore));
        }

        CheckLevels(levels, maxScore);
        CheckFlag(flag, levels);
        this.eventTypes = Index(eventTypes);
        StartingScore = startingScore;
        MaxScore = maxScore;
        Levels = levels;
        EventTypes = eventTypes;
        Flag = flag;
        CertaDefault = certaDefault;
        Provenance = provenance ?? throw new ArgumentNullException(nameof(provenance));
    }

    /// <summary>The score of a subject with no events that count.</summary>
    public int StartingScore { get; }

    /// <summary>What positive events may lift a score to; equal to <see cref="StartingScore"/> unless the rules allow more.</summary>
    public int MaxScore { get; }

    /// <summary>From best to worst; the last starts at 0.</summary>
    public IReadOnlyList<CreditLevel> Levels { get; }

    public IReadOnlyList<CreditEventType> EventTypes { get; }

    public ApplicationFlagRule Flag { get; }

    /// <summary>True when the scale (starting score, thresholds) is Certa's own choice rather than a published rule's.</summary>
    public bool CertaDefault { get; }

    public Provenance Provenance { get; }

    public CreditLevel Lowest => Levels[^1];

    /// <exception cref="DomainException">No event type has this id.</exception>
    public CreditEventType EventType(string id) =>
        eventTypes.GetValueOrDefault(id) ?? throw DomainException.Invalid("credit-event-unknown",
            $"'{id}' is not a credit event; known are: {string.Join(", ", EventTypes.Select(t => t.Id))}.", "type");

    /// <summary>The best level whose threshold <paramref name="score"/> reaches; below 0, the lowest.</summary>
    public CreditLevel LevelOf(decimal score) => Levels.FirstOrDefault(l => score >= l.MinScore) ?? Lowest;

    private static void CheckLevels(IReadOnlyList<CreditLevel> levels, int maxScore)
    {
        if (levels is null || levels.Count == 0)
        {
            throw new ArgumentException("The credit rules need at least one level.", nameof(levels));
        }

        Unique(levels, l => l.Id, "level", nameof(levels));
        if (levels[0].MinScore > maxScore)
        {
            throw new ArgumentException($"Level '{levels[0].Id}' starts at {levels[0].MinScore}, above the highest score {maxScore}: no one could reach it.", nameof(levels));
        }

        foreach (var (better, worse) in levels.Zip(levels.Skip(1)))
        {
            if (worse.MinScore >= better.MinScore)
            {
                throw new ArgumentException($"Levels go from best to worst: '{worse.Id}' (min_score {worse.MinScore}) must start below '{better.Id}' (min_score {better.MinScore}).", nameof(levels));
            }
        }

        if (levels[^1].MinScore != 0)
        {
            throw new ArgumentException($"The lowest level '{levels[^1].Id}' starts at {levels[^1].MinScore}; it must start at 0 so that every score has a level.", nameof(levels));
        }
    }

    private static void CheckFlag(ApplicationFlagRule flag, IReadOnlyList<CreditLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (flag.Levels.FirstOrDefault(id => levels.All(l => l.Id != id)) is { } unknown)
        {
            throw new ArgumentException($"The application flag names level '{unknown}', which is not a level; levels are {string.Join(", ", levels.Select(l => l.Id))}.", nameof(flag));
        }

        Unique(flag.Levels, id => id, "flagged level", nameof(flag));
        var firstFlagged = levels.ToList().FindIndex(flag.Flags);
        if (firstFlagged >= 0 && levels.Skip(firstFlagged).FirstOrDefault(l => !flag.Flags(l)) is { } spared)
        {
            throw new ArgumentException($"The application flag names '{levels[firstFlagged].Id}' but not the lower level '{spared.Id}'; flag the lowest levels only.", nameof(flag));
        }
    }

    private static FrozenDictionary<string, CreditEventType> Index(IReadOnlyList<CreditEventType> eventTypes)
    {
        if (eventTypes is null || eventTypes.Count == 0)
        {
            throw new ArgumentException("The credit rules need at least one event type.", nameof(eventTypes));
        }

        Unique(eventTypes, t => t.Id, "event type", nameof(eventTypes));
        return eventTypes.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
    }

    private static void Unique<T>(IEnumerable<T> items, Func<T, string> id, string what, string paramName)
    {
        if (items.GroupBy(id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"The credit rules name {what} '{twice.Key}' twice.", paramName);
        }
    }
}
