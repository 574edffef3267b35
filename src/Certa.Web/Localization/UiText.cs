using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Certa.Web.Localization;

/// <summary>
/// The site's own words in English and Chinese, from <c>ui.en.json</c> and <c>ui.zh.json</c> and one
/// pair per feature (<c>ui.account.en.json</c>…), all embedded; a key defined twice is an error. A key missing in Chinese falls back to English; a key missing in both shows as
/// itself, so a gap is visible rather than blank.
/// </summary>
public sealed class UiText
{
    public const string English = "en";
    public const string Chinese = "zh";

    private readonly FrozenDictionary<string, string> en = Load(English);
    private readonly FrozenDictionary<string, string> zh = Load(Chinese);

    public static string CurrentLanguage =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Chinese ? Chinese : English;

    public string this[string key] =>
        (CurrentLanguage == Chinese && zh.TryGetValue(key, out var z) ? z : null) ?? en.GetValueOrDefault(key) ?? key;

    public IReadOnlyCollection<string> Keys(string language) => language == Chinese ? zh.Keys : en.Keys;

    private static FrozenDictionary<string, string> Load(string language)
    {
        const string prefix = "Certa.Web.Localization.ui.";
        var assembly = typeof(UiText).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith($".{language}.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException($"No embedded {prefix}*{language}.json resource.");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                if (!texts.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"UI text key '{key}' is defined twice ({name} and an earlier file).");
                }
            }
        }

        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
