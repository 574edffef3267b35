using System.Text.Json;
using System.Text.Json.Serialization;

namespace Certa.Requirements.Profiles;

/// <summary>
/// A product profile as a person or a program writes it (JSON or YAML): which product — by the
/// advisor's product id, a catalogue product-type id, an HS code or keywords — its features,
/// the target markets and the date to evaluate on.
/// </summary>
public sealed record ProfileInput
{
    /// <summary>Product id from data/requirements/products.yaml, e.g. <c>laptop</c>.</summary>
    public string? Product { get; init; }

    /// <summary>Catalogue product-type id, e.g. <c>ccc.0902</c>.</summary>
    [JsonPropertyName("productType")]
    public string? ProductType { get; init; }

    /// <summary>HS code, e.g. <c>8471.30</c>; the longest known prefix wins.</summary>
    [JsonPropertyName("hsCode")]
    public string? HsCode { get; init; }

    /// <summary>Words in English or Chinese, e.g. <c>笔记本</c>.</summary>
    public string? Keywords { get; init; }

    /// <summary>Feature values that differ from the product's defaults.</summary>
    public Dictionary<string, JsonElement>? Features { get; init; }

    /// <summary>ISO 3166 codes (CN, SA, AE, KW, QA, BH, OM) or GCC for all six.</summary>
    public IReadOnlyList<string>? Markets { get; init; }

    /// <summary>Evaluate as of this date (YYYY-MM-DD); default today.</summary>
    public string? Date { get; init; }

    /// <summary>A free label the answer echoes, e.g. the manufacturer's model number (batch lines).</summary>
    public string? Reference { get; init; }
}
