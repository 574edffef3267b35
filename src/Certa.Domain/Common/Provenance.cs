namespace Certa.Domain.Common;

/// <summary>Where a reference fact comes from, and whether it was checked against its source.</summary>
public sealed record Provenance
{
    public Provenance(string source, bool verified = true, string? note = null)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException("A fact needs a source.", nameof(source));
        }

        Source = source.Trim();
        Verified = verified;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    // For EF Core, which fills the properties itself.
    private Provenance()
    {
        Source = string.Empty;
    }

    public string Source { get; }

    /// <summary>False where the reference brief marks the fact unverified: shown as such, never as fact.</summary>
    public bool Verified { get; }

    public string? Note { get; }
}
