namespace Certa.Requirements.Conditions;

/// <summary>One test on a fact, as written, with how it came out for a profile.</summary>
public sealed record AtomOutcome(string Text, bool Result, string Actual);

/// <summary>A parsed, name-bound condition over a profile's <see cref="Facts"/>.</summary>
public abstract class Condition
{
    /// <summary>The source text of this part of the condition.</summary>
    public required string Text { get; init; }

    public abstract bool Evaluate(Facts facts);

    /// <summary>
    /// Evaluates and records the atoms that decided the outcome: all of them for a true
    /// <c>and</c>, the first true one for a true <c>or</c>, the first false one for a false
    /// <c>and</c>, all of them for a false <c>or</c>.
    /// </summary>
    public abstract bool Explain(Facts facts, List<AtomOutcome> decisive);
}

internal sealed class AndCondition(IReadOnlyList<Condition> parts) : Condition
{
    public override bool Evaluate(Facts facts)
    {
        foreach (var part in parts)
        {
            if (!part.Evaluate(facts))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Explain(Facts facts, List<AtomOutcome> decisive)
    {
        var mark = decisive.Count;
        foreach (var part in parts)
        {
            var before = decisive.Count;
            if (!part.Explain(facts, decisive))
            {
                // Only the part that failed explains a false "and": drop what the true parts added.
                decisive.RemoveRange(mark, before - mark);
                return false;
            }
        }

        return true;
    }
}

internal sealed class OrCondition(IReadOnlyList<Condition> parts) : Condition
{
    public override bool Evaluate(Facts facts)
    {
        foreach (var part in parts)
        {
            if (part.Evaluate(facts))
            {
                return true;
            }
        }

        return false;
    }

    public override bool Explain(Facts facts, List<AtomOutcome> decisive)
    {
        var mark = decisive.Count;
        foreach (var part in parts)
        {
            var before = decisive.Count;
            if (part.Explain(facts, decisive))
            {
                // A true "or" is explained by its true part alone.
                decisive.RemoveRange(mark, before - mark);
                return true;
            }
        }

        return false;
    }
}

internal sealed class NotCondition(Condition inner) : Condition
{
    public override bool Evaluate(Facts facts) => !inner.Evaluate(facts);

    public override bool Explain(Facts facts, List<AtomOutcome> decisive)
    {
        var scratch = new List<AtomOutcome>();
        var result = !inner.Explain(facts, scratch);
        // The inner atoms read the other way round under "not": state the whole negation instead.
        decisive.Add(new AtomOutcome(Text, result, string.Join("; ", scratch.Select(s => s.Actual).Distinct())));
        return result;
    }
}

/// <summary>A single test on one fact; the unit explanations are made of.</summary>
internal abstract class AtomCondition(FactDefinition fact) : Condition
{
    protected FactDefinition Fact { get; } = fact;

    public override bool Explain(Facts facts, List<AtomOutcome> decisive)
    {
        var result = Evaluate(facts);
        decisive.Add(new AtomOutcome(Text, result, facts.Statement(Fact)));
        return result;
    }
}

internal sealed class TruthyCondition(FactDefinition fact) : AtomCondition(fact)
{
    public override bool Evaluate(Facts facts) => Fact.Type == FactType.Number
        ? facts.Number(Fact.Slot) != 0
        : facts.Bits(Fact.Slot) != 0;
}

internal enum Comparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal sealed class NumberComparison(FactDefinition fact, Comparison op, double value) : AtomCondition(fact)
{
    public override bool Evaluate(Facts facts)
    {
        var actual = facts.Number(Fact.Slot);
        return op switch
        {
            Comparison.Equal => actual == value,
            Comparison.NotEqual => actual != value,
            Comparison.Less => actual < value,
            Comparison.LessOrEqual => actual <= value,
            Comparison.Greater => actual > value,
            Comparison.GreaterOrEqual => actual >= value,
        };
    }
}

/// <summary>Equality on a text or bool fact, compared as its stored bits.</summary>
internal sealed class BitsEquality(FactDefinition fact, bool equal, ulong expected) : AtomCondition(fact)
{
    public override bool Evaluate(Facts facts) => (facts.Bits(Fact.Slot) == expected) == equal;
}

internal enum SetMatch
{
    One,
    Any,
    All,
}

internal sealed class HasCondition(FactDefinition fact, SetMatch match, ulong mask) : AtomCondition(fact)
{
    public override bool Evaluate(Facts facts)
    {
        var bits = facts.Bits(Fact.Slot);
        return match == SetMatch.Any ? (bits & mask) != 0 : (bits & mask) == mask;
    }
}
