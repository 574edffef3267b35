using System.Globalization;
using System.Text.Json;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>The fixed wording of a certificate PDF in one language, from <c>PdfLabels.{language}.json</c>.</summary>
internal sealed record PdfLabels(
    string Title,
    string Number,
    string Version,
    string Supersedes,
    string Holder,
    string Manufacturer,
    string Factory,
    string Product,
    string Models,
    string MainModel,
    string SeriesModels,
    string ListSeparator,
    string TradeMark,
    string None,
    string Standards,
    string Standard,
    string StandardNoTitle,
    IReadOnlyDictionary<string, string> Results,
    string Scheme,
    string Mark,
    string Statement,
    string Validity,
    string IssuedOn,
    string ValidUntil,
    string Body,
    string Signature,
    string Issuer,
    string VerificationMethod,
    string Fingerprint,
    string SignedAt,
    string Verify,
    string More,
    string DateFormat,
    string DateTimeFormat)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly PdfLabels English = Load("en");
    private static readonly PdfLabels Chinese = Load("zh");

    /// <summary>The labels for <paramref name="language"/>: "zh…" for Chinese, "en…" for English.</summary>
    public static PdfLabels For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese
        : language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
        : throw new ArgumentOutOfRangeException(nameof(language), language, "Certificate PDFs are made in English (\"en\") or Chinese (\"zh\").");

    /// <summary>
    /// Every character this language's fixed wording can print, with the printable ASCII range that numbers,
    /// dates, addresses and key ids mostly use: the shared part of every page's font.
    /// </summary>
    public IEnumerable<int> CommonCodePoints()
    {
        string[] texts =
        [
            Title, Number, Version, Supersedes, Holder, Manufacturer, Factory, Product, Models, MainModel, SeriesModels, ListSeparator,
            TradeMark, None, Standards, Standard, StandardNoTitle, .. Results.Values, Scheme, Mark, Statement, Validity, IssuedOn,
            ValidUntil, Body, Signature, Issuer, VerificationMethod, Fingerprint, SignedAt, Verify, More, DateFormat, DateTimeFormat,
        ];
        return Enumerable.Range(0x20, 0x7F - 0x20).Concat(texts.SelectMany(t => t.EnumerateRunes()).Select(r => r.Value)).Distinct();
    }

    public string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public string DateTime(DateTimeOffset at) => at.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static string Format(string pattern, params object?[] values) => string.Format(CultureInfo.InvariantCulture, pattern, values);

    /// <summary>One standard with its title (where known) and the assessment result, worded for the page.</summary>
    public string StandardLine(string number, string? title, string result)
    {
        var worded = Results.GetValueOrDefault(result, result);
        return title is null ? Format(StandardNoTitle, number, worded) : Format(Standard, number, title, worded);
    }

    private static PdfLabels Load(string language)
    {
        var name = $"Certa.Certificates.Documents.PdfLabels.{language}.json";
        using var stream = typeof(PdfLabels).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {typeof(PdfLabels).Assembly.GetName().Name}.");
        return JsonSerializer.Deserialize<PdfLabels>(stream, Options)
            ?? throw new InvalidOperationException($"The embedded resource {name} is empty.");
    }
}
