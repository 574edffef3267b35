using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certificates.Search;

/// <summary>
/// The public register's search. A model goes through <see cref="CertificateModelKey"/> (a range of its primary key); a
/// holder's name finds the holders first — organisations, far fewer than certificates — and then their certificates by the
/// (holder, number) index. Either way a page is read in number order from an index, so its cost does not grow with the
/// register (bench/scale/plans).
/// </summary>
public sealed class CertificateSearch(CertaDbContext db)
{
    /// <summary>A holder's name that matches more holders than this is too vague: the page says so and lists the first.</summary>
    public const int MaxHolders = 50;

    /// <summary>A model's beginning that more certificates cover than this is too short to search by.</summary>
    public const int MaxModelMatches = 10_000;

    public async Task<CertificateSearchPage> SearchAsync(CertificateSearchQuery asked, CancellationToken ct)
    {
        var query = asked.Checked();
        var certificates = db.Certificates.AsNoTracking();
        IReadOnlyList<MatchedHolder> holders = [];
        if (query.Holder is { } name)
        {
            holders = await HoldersAsync(name, ct);
            var ids = holders.Select(h => h.Id).ToList();
            certificates = certificates.Where(c => ids.Contains(c.HolderId));
        }

        if (query.Model is { } model)
        {
            var ids = await ModelMatchesAsync(model, ct);
            certificates = certificates.Where(c => ids.Contains(c.Id));
        }

        if (query.After is { } after)
        {
            // By the column's collation, as the ORDER BY sorts: pages follow on whatever it is.
#pragma warning disable CA1309
            certificates = certificates.Where(c => string.Compare(c.Number, after) > 0);
#pragma warning restore CA1309
        }

        var rows = await certificates.OrderBy(c => c.Number).Take(query.Limit + 1)
            .Select(c => new { c.Number, c.HolderName, c.Product, c.ProductTypeId, c.BodyId, c.State, c.IssuedOn, c.ValidUntil })
            .ToListAsync(ct);
        var hits = rows.Take(query.Limit)
            .Select(r => new CertificateSearchHit(r.Number, r.HolderName, r.Product.Name, r.ProductTypeId, r.Product.AllModels(), r.BodyId, r.State, r.IssuedOn, r.ValidUntil))
            .ToList();
        return new CertificateSearchPage(hits, rows.Count > query.Limit ? hits[^1].Number : null, holders);
    }

    /// <summary>
    /// The certificates that cover a model starting with <paramref name="model"/>, read from the key range first. Left to
    /// the planner as one query, PostgreSQL walks certificates in number order probing each against the range when the range
    /// is wide (measured: 0.9 s at 100 000 certificates for a three-letter prefix); read first, the cost is the range's.
    /// </summary>
    /// <exception cref="DomainException">More than <see cref="MaxModelMatches"/> certificates match: the model is too short to search by.</exception>
    private async Task<List<Guid>> ModelMatchesAsync(string model, CancellationToken ct)
    {
        var (from, to) = PrefixRange(CertificateModelKeys.KeyOf(model));
        // Compared in SQL by the key's byte-order collation (PostgresCertaDbContext), so the range is the prefix's.
#pragma warning disable CA1309
        var ids = await db.CertificateModels.Where(k => string.Compare(k.Key, from) >= 0 && string.Compare(k.Key, to) < 0)
            .Select(k => k.CertificateId).Take(MaxModelMatches + 1).ToListAsync(ct);
#pragma warning restore CA1309
        if (ids.Count > MaxModelMatches)
        {
            throw DomainException.Invalid("model-too-broad",
                $"More than {MaxModelMatches:N0} certificates cover a model starting with '{model}': give more of the model.", "model");
        }

        return [.. ids.Distinct()];
    }

    /// <summary>Holders whose name, in either language, contains <paramref name="name"/> regardless of case.</summary>
    private async Task<IReadOnlyList<MatchedHolder>> HoldersAsync(string name, CancellationToken ct)
    {
        var pattern = "%" + name.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        // ToLower is SQL's lower(), not .NET's: the pattern is lowered the same way (invariant) for the ASCII that matters.
#pragma warning disable CA1304, CA1311
        var found = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Applicant
                && (EF.Functions.Like(o.Name.En.ToLower(), pattern, "\\") || EF.Functions.Like(o.Name.Zh!.ToLower(), pattern, "\\")))
            .OrderBy(o => o.Name.En).ThenBy(o => o.Id).Take(MaxHolders)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(ct);
#pragma warning restore CA1304, CA1311
        return [.. found.Select(o => new MatchedHolder(o.Id, o.Name))];
    }

    /// <summary>Keys that start with <paramref name="prefix"/>: from it, to it with its last character moved one on.</summary>
    private static (string From, string To) PrefixRange(string prefix) =>
        (prefix, prefix[..^1] + (char)(prefix[^1] + 1));
}
