namespace Certa.Domain.Common;

/// <summary>Text in English and, where known, Chinese. English is always present.</summary>
public sealed record LocalizedText
{
    public LocalizedText(string en, string? zh = null)
    {
        En = en?.Trim() ?? throw new ArgumentNullException(nameof(en));
        Zh = string.IsNullOrWhiteSpace(zh) ? null : zh.Trim();
    }

    // For EF Core, which fills the properties itself.
    private LocalizedText()
        : this(string.Empty)
    {
    }

    public static LocalizedText Empty { get; } = new(string.Empty);

    public string En { get; }

    public string? Zh { get; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => En.Length == 0 && Zh is null;

    /// <summary>The text in <paramref name="language"/> ("zh…" for Chinese), falling back to English.</summary>
    public string In(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && Zh is not null ? Zh : En;

    public override string ToString() => Zh is null ? En : $"{En} / {Zh}";
}
