using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Certa.Web.Localization;

/// <summary>
/// The site's own words in English and Chinese, from <c>ui.en.json</c> and <c>ui.zh.json</c>
/// (embedded). A key missing in Chinese falls back to English; a key missing in both shows as
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
        var name = $"Certa.Web.Localization.ui.{language}.json";
        using var stream = typeof(UiText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }
}
