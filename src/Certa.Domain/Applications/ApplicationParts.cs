using Certa.Domain.Common;

namespace Certa.Domain.Applications;

/// <summary>A manufacturer or factory: names in English and Chinese, and an address.</summary>
public sealed record Party(LocalizedText Name, LocalizedText Address)
{
    public static Party Of(LocalizedText name, LocalizedText address, string field) =>
        string.IsNullOrWhiteSpace(name?.En) || string.IsNullOrWhiteSpace(address?.En)
            ? throw DomainException.Invalid("party-incomplete", $"The {field} needs a name and an address (in English; Chinese where it has one).", field)
            : new Party(name, address);
}

/// <summary>A series model and how it differs from the main model.</summary>
public sealed record SeriesModel(string Model, string Differences);

/// <summary>What is to be certified: the product, its main model and series models, the trade mark.</summary>
public sealed record ProductDetails(LocalizedText Name, string MainModel, IReadOnlyList<SeriesModel> SeriesModels, string? TradeMark)
{
    /// <summary>The main model, then the series models. A method, not a property, so that the stored JSON does not repeat them.</summary>
    public IReadOnlyList<string> AllModels() => [MainModel, .. SeriesModels.Select(s => s.Model)];

    public static ProductDetails Of(LocalizedText name, string mainModel, IEnumerable<SeriesModel>? series, string? tradeMark)
    {
        if (string.IsNullOrWhiteSpace(name?.En))
        {
            throw DomainException.Invalid("product-name-required", "The product needs a name.", "product.name");
        }

        var main = mainModel?.Trim() ?? string.Empty;
        if (main.Length == 0)
        {
            throw DomainException.Invalid("main-model-required", "The product needs a main model.", "product.mainModel");
        }

        var list = (series ?? []).Select(s => new SeriesModel(s.Model?.Trim() ?? string.Empty, s.Differences?.Trim() ?? string.Empty)).ToList();
        if (list.FirstOrDefault(s => s.Model.Length == 0 || s.Differences.Length == 0) is { } incomplete)
        {
            throw DomainException.Invalid("series-model-incomplete",
                $"Series model '{incomplete.Model}' needs a model code and how it differs from {main}.", "product.seriesModels");
        }

        var duplicate = list.Select(s => s.Model).Append(main).GroupBy(m => m, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw DomainException.Invalid("duplicate-model", $"Model '{duplicate.Key}' is listed twice.", "product.seriesModels");
        }

        return new ProductDetails(name, main, list, string.IsNullOrWhiteSpace(tradeMark) ? null : tradeMark.Trim());
    }
}

/// <summary>A document the application carries: which required document it is, and the stored file (by its SHA-256).</summary>
public sealed record AttachedDocument(string DocumentId, string Sha256, string FileName, long Size, DateTimeOffset AttachedAt);

/// <summary>What the reviewer concluded: grant or refuse, and why.</summary>
public sealed record ReviewConclusion(Guid Reviewer, bool RecommendGrant, string Notes, DateTimeOffset At);

/// <summary>The application entered <paramref name="State"/> at <paramref name="At"/>.</summary>
public sealed record StateEntry(ApplicationState State, DateTimeOffset At);
