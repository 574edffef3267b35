using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Testing;

/// <summary>
/// What a body may choose from when it orders tests of a product type: the laboratories in Certa whose
/// registry entry is designated for it, and the standard editions that apply to it on a day. The same
/// rules <see cref="TestOrderCommands"/> enforces when the order is placed.
/// </summary>
public static class DesignatedLabs
{
    /// <summary>The laboratory organisations designated for <paramref name="productType"/> on <paramref name="on"/>, by English name.</summary>
    public static async Task<IReadOnlyList<Organisation>> ForAsync(CertaDbContext db, ProductType productType, DateOnly on, CancellationToken ct)
    {
        var labs = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Laboratory && o.RegistryId != null).ToListAsync(ct);
        var registryIds = labs.Select(l => l.RegistryId!).ToList();
        var designated = (await db.Bodies.AsNoTracking().Where(b => b.Kind == BodyKind.Laboratory && registryIds.Contains(b.Id)).ToListAsync(ct))
            .Where(b => b.IsDesignatedFor(productType, on)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        return [.. labs.Where(l => designated.Contains(l.RegistryId!)).OrderBy(l => l.Name.En, StringComparer.Ordinal)];
    }

    /// <summary>Whether the laboratory organisation's registry entry is designated for <paramref name="productType"/> on <paramref name="on"/>.</summary>
    public static async Task<bool> IsDesignatedAsync(CertaDbContext db, Organisation lab, ProductType productType, DateOnly on, CancellationToken ct)
    {
        var entry = lab.RegistryId is null ? null
            : await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == lab.RegistryId && b.Kind == BodyKind.Laboratory, ct);
        return entry is not null && entry.IsDesignatedFor(productType, on);
    }

    /// <summary>The numbers of the standard editions applying to <paramref name="productType"/> on <paramref name="date"/>.</summary>
    public static async Task<IReadOnlyList<string>> StandardsOnAsync(CertaDbContext db, ProductType productType, DateOnly date, CancellationToken ct)
    {
        var timeline = new StandardTimeline(await db.Standards.AsNoTracking().ToListAsync(ct));
        return [.. timeline.ApplyingTo(productType, date).Select(e => e.Number)];
    }
}
