using Certa.Web.Registry;

namespace Certa.Web.Localization;

/// <summary>Picks the reader's language out of bilingual data.</summary>
public static class Lang
{
    public static string Pick(TextDto? text) =>
        text is null ? string.Empty : UiText.CurrentLanguage == UiText.Chinese && text.Zh is not null ? text.Zh : text.En;

    /// <summary>The other language's text, shown small beside the chosen one, when it differs.</summary>
    public static string? Other(TextDto? text) =>
        text is null ? null : UiText.CurrentLanguage == UiText.Chinese ? (text.Zh is null ? null : text.En) : text.Zh;

    public static string Snake<TEnum>(TEnum value)
        where TEnum : struct, Enum => Api.ApiJson.SnakeCase(value.ToString());

    public static string Format(string pattern, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, pattern, args);
}
