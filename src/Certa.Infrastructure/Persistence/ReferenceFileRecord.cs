namespace Certa.Infrastructure.Persistence;

/// <summary>A reference data file stored as written (the advisor's rule files), so every instance compiles the same rules.</summary>
public sealed class ReferenceFileRecord
{
    public string Path { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    /// <summary>SHA-256 of the text, to tell a changed file without comparing texts.</summary>
    public string Hash { get; set; } = string.Empty;
}
