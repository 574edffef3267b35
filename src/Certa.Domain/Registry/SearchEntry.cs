using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>
/// One searchable registry record: its kind and key, display titles, and the folded text it is
/// found by (names in both languages, codes, standard numbers, keywords).
/// </summary>
public sealed class SearchEntry
{
    public SearchEntry(string kind, string key, LocalizedText title, string? detail, IEnumerable<string?> terms,
        bool verified)
    {
        Kind = kind;
        Key = key;
        Id = $"{kind}:{key}";
        TitleEn = title.En;
        TitleZh = title.Zh;
        Detail = detail;
        var parts = terms.Append(title.En).Append(title.Zh).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        Text = string.Join(" | ", parts.Select(SearchText.Fold).Concat(parts.Select(SearchText.Compact)).Distinct());
        Names = "|" + string.Join("|", parts.Select(SearchText.Fold).Distinct()) + "|";
        Verified = verified;
    }

    private SearchEntry()
    {
        Id = Kind = Key = TitleEn = Text = Names = string.Empty;
    }

    public string Id { get; private set; }

    /// <summary>authority, scheme, rule, standard, category, product-type, body, lab.</summary>
    public string Kind { get; private set; }

    public string Key { get; private set; }

    public string TitleEn { get; private set; }

    public string? TitleZh { get; private set; }

    /// <summary>A short second line: the code or number, the scheme.</summary>
    public string? Detail { get; private set; }

    public string Text { get; private set; }

    /// <summary>Every name, code and keyword whole, as <c>|name|name|</c>: an exact hit ranks first.</summary>
    public string Names { get; private set; }

    public bool Verified { get; private set; }

    public LocalizedText Title => new(TitleEn, TitleZh);
}
