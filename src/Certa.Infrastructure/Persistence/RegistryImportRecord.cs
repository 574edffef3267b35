namespace Certa.Infrastructure.Persistence;

/// <summary>One successful <c>certa import</c> that changed something: when, and what it changed.</summary>
public sealed class RegistryImportRecord
{
    public long Id { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Hash of the imported data set; equal hashes mean equal data.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;
}
