using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Credit;

/// <summary>A credit level (A, B, C, D): the lowest score that reaches it, and what it means in plain words.</summary>
public sealed record CreditLevel
{
    public CreditLevel(string id, int minScore, LocalizedText meaning)
    {
        Id = Guard.Id(id);
        if (minScore < 0)
        {
            throw new ArgumentException($"Credit level '{Id}' starts at {minScore}; scores never go below 0.", nameof(minScore));
        }

        if (meaning is null || meaning.IsEmpty)
        {
            throw new ArgumentException($"Credit level '{Id}' needs a meaning.", nameof(meaning));
        }

        MinScore = minScore;
        Meaning = meaning;
    }

    public string Id { get; }

    /// <summary>The lowest score at this level, inclusive.</summary>
    public int MinScore { get; }

    public LocalizedText Meaning { get; }
}
