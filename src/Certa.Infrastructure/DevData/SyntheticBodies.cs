using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Domain.Signing;
using Certa.Infrastructure.Audits;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.DevData;

/// <summary>A catalogue product type a body may certify, with the standards its certificates name and the days its designation covers.</summary>
internal sealed record BodyProduct(ProductType Type, IReadOnlyList<CertifiedStandard> Standards, DateOnly From, DateOnly Until);

/// <summary>
/// A certification body of the generated registry: its organisation, its signing key (made before the first day it issues on,
/// so every generated signature falls in the key's service), the product types it is designated for, and its next places in
/// its status lists.
/// </summary>
internal sealed class SyntheticBody(string id, string registryId, LocalizedText name, SigningKey key, string method, IReadOnlyList<BodyProduct> products,
    IReadOnlyList<string> inspectors)
{
    public string Id { get; } = id;

    public string RegistryId { get; } = registryId;

    public LocalizedText Name { get; } = name;

    public SigningKey Key { get; } = key;

    public string Method { get; } = method;

    public IReadOnlyList<BodyProduct> Products { get; } = products;

    /// <summary>The person ids of the auditors who do its follow-ups.</summary>
    public IReadOnlyList<string> Inspectors { get; } = inspectors;

    public int NextStatusIndex { get; set; }

    public int NextMessageIndex { get; set; }

    /// <summary>
    /// The registry's bodies designated for catalogue products of <paramref name="schemeId"/> (CQC first, as the largest), as
    /// organisations with an active key; missing organisations and keys are made through Certa's own commands.
    /// </summary>
    public static async Task<IReadOnlyList<SyntheticBody>> PrepareAsync(CertaDbContext db, OrganisationCommands organisations, BodyKeys keys,
        IssuerIdentity identity, (PeopleCommands People, AuditorCommands Auditors) staff, CommandContext who, string schemeId, int? count, DateTimeOffset keysFrom, DateOnly today, CancellationToken ct)
    {
        var products = (await db.ProductTypes.AsNoTracking().Where(p => p.SchemeId == schemeId && p.Code != null).ToListAsync(ct))
            .Where(p => !p.IsSelfDeclared).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var standards = (await db.Standards.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.Family);
        var registry = (await db.Bodies.AsNoTracking().Where(b => b.Kind == BodyKind.CertificationBody).ToListAsync(ct))
            .Select(b => (Body: b, Products: Designated(b, schemeId, products, standards, today)))
            .Where(b => b.Products.Count > 0)
            .OrderBy(b => b.Body.Id == "cqc" ? 0 : 1).ThenBy(b => b.Body.Id, StringComparer.Ordinal)
            .Take(count ?? int.MaxValue).ToList();
        if (registry.Count == 0)
        {
            throw DomainException.Conflict("no-designated-bodies",
                $"The registry has no body designated for a {schemeId} catalogue product: run 'certa import' with the reference data first.");
        }

        var result = new List<SyntheticBody>();
        foreach (var (body, designated) in registry)
        {
            var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.RegistryId == body.Id && o.Kind == OrganisationKind.CertificationBody, ct)
                ?? await organisations.CreateAsync(who, new NewOrganisation(body.Id, OrganisationKind.CertificationBody, body.Name, body.Id, body.Country), ct);
            var key = await keys.ActiveKeyAsync(organisation.Id, keysFrom, ct);
            await db.CommitAsync(who, keysFrom > DateTimeOffset.UtcNow ? keysFrom : DateTimeOffset.UtcNow, ct);
            var inspectors = await SyntheticInspectors.EnsureAsync(db, staff.People, staff.Auditors, who, organisation, designated.Select(p => p.Type.Id), today, ct);
            var next = new SyntheticBody(organisation.Id, body.Id, organisation.Name, key, identity.VerificationMethod(organisation.Id, key.KeyId),
                [.. designated.Select(p => p with { From = Later(p.From, key.CreatedAt) })], inspectors)
            {
                NextStatusIndex = (await db.Certificates.AsNoTracking().Where(c => c.BodyId == organisation.Id).MaxAsync(c => (int?)c.StatusListIndex, ct) ?? -1) + 1,
                NextMessageIndex = (await db.IssuedCredentials.AsNoTracking().Where(c => c.BodyId == organisation.Id).MaxAsync(c => (int?)c.MessageListIndex, ct) ?? -1) + 1,
            };
            result.Add(next);
        }

        db.ChangeTracker.Clear();
        return result;
    }

    private static List<BodyProduct> Designated(RegistryBody body, string schemeId, IReadOnlyList<ProductType> products, ILookup<string, StandardEdition> standards,
        DateOnly today)
    {
        var designations = body.ParsedDesignations.Where(d => d.SchemeId == schemeId).ToList();
        var result = new List<BodyProduct>();
        foreach (var product in products)
        {
            var covering = designations.Where(d => d.ScopeCovers(product)).ToList();
            if (covering.Count == 0)
            {
                continue;
            }

            // One unbroken stretch is enough for synthetic issue days: from the latest start to the earliest end.
            var from = covering.Select(d => d.From ?? DateOnly.MinValue).Max();
            var until = covering.Select(d => d.Until ?? DateOnly.MaxValue).Min();
            if (from > until || until < today.AddYears(-6) || from > today)
            {
                continue;
            }

            result.Add(new BodyProduct(product,
                [.. product.StandardFamilies.Select(f => standards[f].OrderByDescending(s => s.Year).FirstOrDefault()).OfType<StandardEdition>()
                    .DistinctBy(s => s.Number, StringComparer.OrdinalIgnoreCase).OrderBy(s => s.Number, StringComparer.Ordinal)
                    .Select(s => new CertifiedStandard(s.Number, s.Title, "pass"))],
                from, until));
        }

        return result;
    }

    private static DateOnly Later(DateOnly day, DateTimeOffset keyCreated)
    {
        var keyDay = DateOnly.FromDateTime(keyCreated.UtcDateTime).AddDays(1);
        return keyDay > day ? keyDay : day;
    }
}
