using Certa.Domain.Common;
using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Infrastructure.Supervision;

/// <summary>
/// Reads <c>data/supervision/credit-rules.yaml</c> into <see cref="CreditRules"/>. A fault is refused with its
/// file, line and the key at fault: a wrong value, an unknown field, or a rule the domain refuses (levels out
/// of order, a zero weight, a flag on an unknown level).
/// </summary>
public static class CreditRulesFile
{
    /// <summary>Relative to the data directory.</summary>
    public const string FileName = "supervision/credit-rules.yaml";

    /// <summary>The section of the file; the registry import checks it and passes over it.</summary>
    public const string Section = "credit_rules";

    /// <exception cref="ReferenceDataException">The file is missing or breaks a rule.</exception>
    public static CreditRules Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        return File.Exists(path)
            ? Parse(FileName, File.ReadAllText(path))
            : throw new ReferenceDataException([new ReferenceDataError(FileName, 0, $"not found in {dataDirectory}; credit records need their rules")]);
    }

    /// <exception cref="ReferenceDataException">The text breaks a rule.</exception>
    public static CreditRules Parse(string file, string yaml) =>
        YamlRecord.ParseFile(file, yaml, Section, record => Read(record) ?? throw record.FailHere($"the file has no '{Section}' section"));

    /// <summary>The rules in the <c>credit_rules</c> section of <paramref name="top"/>, or null when it has none.</summary>
    internal static CreditRules? Read(YamlRecord top)
    {
        if (top.Record(Section) is not { } r)
        {
            return null;
        }

        var levels = r.Records("levels").Select(l => Make(l, () => new CreditLevel(l.Str("id"), l.Int("min_score"), Bilingual(l, "meaning")))).ToList();
        var eventTypes = r.Records("event_types").Select(ReadEventType).ToList();
        var flag = r.Record("flag") is { } f
            ? Make(f, () => new ApplicationFlagRule(f.List("levels"), Bilingual(f, "message")))
            : throw r.FailHere("'flag' is required: which levels flag new applications, and the message the body sees");
        return Make(r, () =>
        {
            var starting = r.Int("starting_score");
            return new CreditRules(starting, r.OptInt("max_score") ?? starting, levels, eventTypes, flag, RequiredBool(r, "certa_default"), r.Provenance());
        });
    }

    private static CreditEventType ReadEventType(YamlRecord r) => Make(r, () => new CreditEventType(
        r.Str("id"), r.Enum<CreditSubjectKind>("subject"), Bilingual(r, "name"), r.Int("points"), r.Int("counts_for_months"),
        RequiredBool(r, "decays"), r.Bool("serious", fallback: false), RequiredBool(r, "certa_default"), r.Provenance()));

    /// <summary>A true/false the file must state, with no default: whether a weight decays, whether a number is Certa's own (<c>certa_default</c>).</summary>
    private static bool RequiredBool(YamlRecord r, string key) =>
        r.Has(key) ? r.Bool(key, fallback: false) : throw r.Fail(key, $"'{key}' is required (true or false)");

    /// <summary>Credit pages and flags are shown in both languages, so both texts are required.</summary>
    private static LocalizedText Bilingual(YamlRecord r, string key)
    {
        var text = r.Text(key);
        return text.Zh is null ? throw r.Fail(key, $"'{key}' needs a Chinese text ('zh') as well as English") : text;
    }

    /// <summary>
    /// Builds a domain value from <paramref name="r"/> and checks that no field went unread; a value the domain
    /// refuses is reported at the key its parameter is read from (<c>countsForMonths</c> → <c>counts_for_months</c>).
    /// </summary>
    private static T Make<T>(YamlRecord r, Func<T> make)
    {
        T value;
        try
        {
            value = make();
        }
        catch (ArgumentException e)
        {
            var reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
            var key = e.ParamName is null ? null : SnakeCaseNames.Of(e.ParamName);
            throw key is not null && r.Keys().Contains(key) ? r.Fail(key, $"'{key}': {reason}") : r.FailHere(reason);
        }

        r.EnsureAllRead();
        return value;
    }
}
