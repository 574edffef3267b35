namespace Certa.Infrastructure.ReferenceData;

/// <summary>What an import added, changed and removed, kind by kind.</summary>
public sealed record ImportReport(IReadOnlyList<KindChanges> Kinds, bool DryRun, string Fingerprint)
{
    public bool HasChanges => Kinds.Any(k => k.Total > 0);

    public int Added => Kinds.Sum(k => k.Added);

    public int Changed => Kinds.Sum(k => k.Changed);

    public int Removed => Kinds.Sum(k => k.Removed);

    public string Summary => string.Join("; ", Kinds.Select(k => $"{k.Kind} +{k.Added} ~{k.Changed} -{k.Removed}"));
}

/// <summary>Counts for one kind of record, and how many there are after the import.</summary>
public sealed record KindChanges(string Kind, int Added, int Changed, int Removed, int Unchanged)
{
    public int Total => Added + Changed + Removed;

    public int Count => Added + Changed + Unchanged;
}
