namespace Certa.Requirements.Conditions;

/// <summary>
/// A profile's facts, one slot per <see cref="FactDefinition"/>: bools and texts as small integers
/// (text = value index + 1, 0 = not given), sets as bit masks, numbers as doubles.
/// </summary>
public sealed class Facts
{
    private readonly ulong[] bits;
    private readonly double[] numbers;
    private readonly bool[] given;

    public Facts(FactSchema schema)
    {
        Schema = schema;
        bits = new ulong[schema.Facts.Count];
        numbers = new double[schema.Facts.Count];
        given = new bool[schema.Facts.Count];
    }

    public FactSchema Schema { get; }

    public ulong Bits(int slot) => bits[slot];

    public double Number(int slot) => numbers[slot];

    public bool IsGiven(int slot) => given[slot];

    public void SetBool(FactDefinition fact, bool value) => Store(fact, value ? 1UL : 0UL, value ? 1 : 0);

    public void SetNumber(FactDefinition fact, double value) => Store(fact, 0, value);

    public void SetText(FactDefinition fact, int valueIndex) => Store(fact, (ulong)(valueIndex + 1), valueIndex);

    public void SetMask(FactDefinition fact, ulong mask) => Store(fact, mask, 0);

    public void Clear(FactDefinition fact)
    {
        bits[fact.Slot] = 0;
        numbers[fact.Slot] = 0;
        given[fact.Slot] = false;
    }

    /// <summary>The fact as text, for explanations: <c>[wifi_2g4, bluetooth]</c>, <c>220</c>, <c>"battery"</c>.</summary>
    public string Describe(FactDefinition fact) => !given[fact.Slot]
        ? "not given"
        : fact.Type == FactType.Number
            ? numbers[fact.Slot].ToString(System.Globalization.CultureInfo.InvariantCulture)
            : fact.Describe(bits[fact.Slot]);

    /// <summary>"name is value", the way an explanation states a fact.</summary>
    public string Statement(FactDefinition fact) =>
        given[fact.Slot] && fact.Type != FactType.Number ? fact.Statement(bits[fact.Slot]) : $"{fact.Name} is {Describe(fact)}";

    public Facts Copy()
    {
        var copy = new Facts(Schema);
        bits.CopyTo(copy.bits, 0);
        numbers.CopyTo(copy.numbers, 0);
        given.CopyTo(copy.given, 0);
        return copy;
    }

    private void Store(FactDefinition fact, ulong b, double number)
    {
        bits[fact.Slot] = b;
        numbers[fact.Slot] = number;
        given[fact.Slot] = true;
    }
}
