using System.Globalization;
using Certa.Domain.Common;
using YamlDotNet.RepresentationModel;

namespace Certa.Infrastructure.ReferenceData;

/// <summary>
/// A YAML mapping read field by field, with the file and line of every value so that a bad field
/// is reported where it is. Keys that nobody reads are reported too: a typo must not pass silently.
/// </summary>
internal sealed class YamlRecord
{
    private readonly YamlMappingNode node;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public YamlRecord(string file, YamlMappingNode node)
    {
        File = file;
        this.node = node;
    }

    public string File { get; }

    /// <summary>
    /// A file that is one mapping holding one section (<paramref name="section"/>, read by <paramref name="read"/>): the
    /// YAML parsed, every key of the file read, and any fault reported with the file and line.
    /// </summary>
    /// <exception cref="ReferenceDataException">The text is not YAML, not one mapping, or breaks a rule.</exception>
    public static T ParseFile<T>(string file, string yaml, string section, Func<YamlRecord, T> read)
    {
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ReferenceDataException([new ReferenceDataError(file, (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}")]);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode top)
        {
            throw new ReferenceDataException([new ReferenceDataError(file, 1, $"the file must be one mapping with a '{section}' section")]);
        }

        var record = new YamlRecord(file, top);
        var result = read(record);
        record.EnsureAllRead();
        return result;
    }

    public int Line => (int)node.Start.Line;

    public SourceLocation Location => new(File, Line);

    /// <summary>The keys of this mapping, for records whose keys are data (a product's default features).</summary>
    public IEnumerable<string> Keys() => node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty);

    public bool Has(string key) => Find(key) is not null and not YamlScalarNode { Value: null or "" or "~" or "null" };

    public string Str(string key) =>
        OptStr(key) ?? throw Fail(key, $"'{key}' is required");

    public string? OptStr(string key) => Find(key) switch
    {
        null => null,
        YamlScalarNode s when s.Value is null or "" or "~" or "null" => null,
        YamlScalarNode { Value: { } v } => v.Trim(),
        var other => throw Fail(other, $"'{key}' must be a single value"),
    };

    public int Int(string key)
    {
        var text = Str(key);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Fail(key, $"'{key}' must be a whole number, not '{text}'");
    }

    public int? OptInt(string key) => Has(key) ? Int(key) : null;

    public bool Bool(string key, bool fallback)
    {
        var text = OptStr(key);
        return text switch
        {
            null => fallback,
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Fail(key, $"'{key}' must be true or false, not '{text}'"),
        };
    }

    public DateOnly? OptDate(string key)
    {
        var text = OptStr(key);
        if (text is null)
        {
            return null;
        }

        return IsoDate.TryParse(text, out var date) ? date : throw Fail(key, $"'{key}' must be a date YYYY-MM-DD, not '{text}'");
    }

    public DateOnly Date(string key) => OptDate(key) ?? throw Fail(key, $"'{key}' is required");

    /// <summary>snake_case in the file, PascalCase in C#: <c>market_driven</c> → <c>MarketDriven</c>.</summary>
    public TEnum Enum<TEnum>(string key)
        where TEnum : struct, Enum
    {
        var text = Str(key);
        return SnakeCaseNames.TryParse<TEnum>(text, ignoreCase: false, out var value)
            ? value
            : throw Fail(key, $"'{key}' is '{text}'; expected one of {SnakeCaseNames.List<TEnum>()}");
    }

    public IReadOnlyList<string> List(string key) => Find(key) switch
    {
        null => [],
        YamlScalarNode s when s.Value is null or "" or "~" or "null" => [],
        YamlScalarNode { Value: { } v } => [v.Trim()],
        YamlSequenceNode seq => [.. seq.Children.Select(c => c is YamlScalarNode { Value: { } v } ? v.Trim() : throw Fail(c, $"'{key}' must list plain values"))],
        var other => throw Fail(other, $"'{key}' must be a list"),
    };

    /// <summary>Bilingual text: <c>{ en: …, zh: … }</c>, or a plain string taken as English.</summary>
    public LocalizedText Text(string key) => OptText(key) ?? throw Fail(key, $"'{key}' is required");

    public LocalizedText? OptText(string key)
    {
        switch (Find(key))
        {
            case null:
                return null;
            case YamlScalarNode s:
                return string.IsNullOrWhiteSpace(s.Value) ? null : new LocalizedText(s.Value);
            case YamlMappingNode m:
                var text = new YamlRecord(File, m);
                var en = text.OptStr("en") ?? throw Fail(m, $"'{key}' needs an English text ('en')");
                var result = new LocalizedText(en, text.OptStr("zh"));
                text.EnsureAllRead();
                return result;
            case var other:
                throw Fail(other, $"'{key}' must be text or {{ en, zh }}");
        }
    }

    public IEnumerable<YamlRecord> Records(string key) => Find(key) switch
    {
        null => [],
        YamlSequenceNode seq => seq.Children.Select(c => c is YamlMappingNode m ? new YamlRecord(File, m) : throw Fail(c, $"each item of '{key}' must be a mapping")),
        var other => throw Fail(other, $"'{key}' must be a list of mappings"),
    };

    public YamlRecord? Record(string key) => Find(key) switch
    {
        null => null,
        YamlMappingNode m => new YamlRecord(File, m),
        var other => throw Fail(other, $"'{key}' must be a mapping"),
    };

    /// <summary>The <c>source</c>/<c>verified</c>/<c>note</c> triple every record carries.</summary>
    public Provenance Provenance()
    {
        var source = OptStr("source") ?? throw Fail(node, "every record needs a 'source'");
        return new Provenance(source, Bool("verified", fallback: true), OptStr("note"));
    }

    /// <summary>Builds a domain record from this mapping and checks that no field of it went unread.</summary>
    public T Make<T>(Func<T> make)
    {
        var value = Build(make);
        EnsureAllRead();
        return value;
    }

    /// <summary>A domain constructor that refuses its arguments is reported at this record's line.</summary>
    public T Build<T>(Func<T> make)
    {
        try
        {
            return make();
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw FailHere(e.Message);
        }
    }

    public void EnsureAllRead()
    {
        foreach (var child in node.Children)
        {
            var key = ((YamlScalarNode)child.Key).Value ?? string.Empty;
            if (!read.Contains(key))
            {
                throw Fail(child.Key, $"unknown field '{key}'");
            }
        }
    }

    public ReferenceDataException Fail(string key, string reason)
    {
        var valueNode = node.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == key).Value;
        return Fail(valueNode ?? node, reason);
    }

    public ReferenceDataException FailHere(string reason) => Fail(node, reason);

    /// <summary>An error about a key itself (an unknown section), reported at the key's line.</summary>
    public ReferenceDataException FailAtKey(string key, string reason) =>
        Fail(node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key) ?? node, reason);

    public ReferenceDataException Fail(YamlNode at, string reason) =>
        new([new ReferenceDataError(File, (int)at.Start.Line, reason)]);

    private YamlNode? Find(string key)
    {
        read.Add(key);
        foreach (var child in node.Children)
        {
            if (child.Key is YamlScalarNode { Value: var k } && k == key)
            {
                return child.Value;
            }
        }

        return null;
    }
}
