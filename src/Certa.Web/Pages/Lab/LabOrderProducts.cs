using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Infrastructure.Persistence;
using Certa.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Lab;

/// <summary>What a lab is told of the application it tests: the product, its models and its product type; not the applicant's file.</summary>
public sealed record LabOrderProduct(Guid ApplicationId, string Name, string MainModel, IReadOnlyList<SeriesModel> SeriesModels,
    string ProductTypeId, string? ProductTypeName);

/// <summary>Reads the products of the applications a lab's orders test, in the reader's language.</summary>
public static class LabOrderProducts
{
    public static async Task<IReadOnlyDictionary<Guid, LabOrderProduct>> ForAsync(CertaDbContext db, IEnumerable<Guid> applicationIds, CancellationToken ct)
    {
        var ids = applicationIds.Distinct().ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Product, a.ProductTypeId }).ToListAsync(ct);
        var typeIds = applications.Select(a => a.ProductTypeId).Distinct().ToList();
        var types = await db.ProductTypes.AsNoTracking().Where(p => typeIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, StringComparer.Ordinal, ct);
        var language = UiText.CurrentLanguage;
        return applications.ToDictionary(a => a.Id, a => new LabOrderProduct(a.Id, a.Product.Name.In(language), a.Product.MainModel,
            a.Product.SeriesModels, a.ProductTypeId, types.GetValueOrDefault(a.ProductTypeId)?.In(language)));
    }
}
