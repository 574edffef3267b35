namespace Certa.Requirements.Conditions;

public enum FactType
{
    Bool,
    Number,
    Text,
    Set,
}

/// <summary>One fact a profile can state: its slot in <see cref="Facts"/>, its type and, for text and sets, its values.</summary>
public sealed record FactDefinition(string Name, int Slot, FactType Type, IReadOnlyList<string> Values)
{
    // Explanations describe the same few values over and over (markets is [CN]): build each text once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, string> statements = new();

    /// <summary>Sets are bit masks over <see cref="Values"/>, so a set fact has at most 64 values.</summary>
    public const int MaxValues = 64;

    /// <summary>"radio is [wifi_2g4, bluetooth]" for a bool, text or set fact holding <paramref name="bits"/>.</summary>
    public string Statement(ulong bits) => statements.GetOrAdd(bits, b => $"{Name} is {Describe(b)}");

    /// <summary>The stored bits as text: <c>yes</c>, <c>"battery"</c>, <c>[wifi_2g4, bluetooth]</c>.</summary>
    public string Describe(ulong bits) => Type switch
    {
        FactType.Bool => bits != 0 ? "yes" : "no",
        FactType.Text => bits == 0 ? "none" : $"\"{Values[(int)bits - 1]}\"",
        FactType.Set => "[" + string.Join(", ", Values.Where((_, i) => (bits & (1UL << i)) != 0)) + "]",
        _ => bits.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public int IndexOf(string value)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            if (string.Equals(Values[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The names a condition may use, each bound to a slot once so that evaluation is array indexing.</summary>
public sealed class FactSchema
{
    private readonly Dictionary<string, FactDefinition> byName = new(StringComparer.Ordinal);
    private readonly List<FactDefinition> ordered = [];

    public IReadOnlyList<FactDefinition> Facts => ordered;

    public FactDefinition Add(string name, FactType type, IReadOnlyList<string>? values = null)
    {
        if (byName.ContainsKey(name))
        {
            throw new ArgumentException($"Fact '{name}' is defined twice.", nameof(name));
        }

        values ??= [];
        if (type is FactType.Set && values.Count > FactDefinition.MaxValues)
        {
            throw new ArgumentException($"Set '{name}' has {values.Count} values; at most {FactDefinition.MaxValues} are supported.", nameof(values));
        }

        var fact = new FactDefinition(name, ordered.Count, type, values);
        byName[name] = fact;
        ordered.Add(fact);
        return fact;
    }

    public FactDefinition? Find(string name) => byName.GetValueOrDefault(name);

    public Facts NewFacts() => new(this);
}
