using System.Text.Json;
using Certa.Infrastructure.Advisor;
using Certa.Requirements;
using Certa.Requirements.Conditions;
using Certa.Requirements.Evaluation;
using Certa.Requirements.Model;
using Certa.Requirements.Profiles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Advisor;

/// <summary>
/// The guided form and the explained answer. The form submits with GET, so an answer has a URL
/// that can be shared, bookmarked and printed. Field names: <c>product</c>, <c>market</c>,
/// <c>date</c>, <c>f.{feature}</c>; <c>evaluate=1</c> marks a complete form (an unticked box is false).
/// </summary>
public sealed class IndexModel(AdvisorService advisors, TimeProvider clock) : PageModel
{
    public const string FeaturePrefix = "f.";

    public AdvisorKnowledge Knowledge { get; private set; } = null!;

    public string ProductId { get; private set; } = "laptop";

    public IReadOnlyList<string> Markets { get; private set; } = ["CN"];

    public string Date { get; private set; } = string.Empty;

    /// <summary>The feature values the form shows: the product's defaults, overridden by what was submitted.</summary>
    public IReadOnlyDictionary<string, FeatureValue> Values { get; private set; } = new Dictionary<string, FeatureValue>();

    public Answer? Answer { get; private set; }

    public IReadOnlyList<ProfileError> Errors { get; private set; } = [];

    public string? Unavailable { get; private set; }

    public string? Find { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Certa.Requirements.Evaluation.Advisor advisor;
        try
        {
            advisor = await advisors.GetAsync(ct);
        }
        catch (AdvisorUnavailableException e)
        {
            Unavailable = e.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        Knowledge = advisor.Knowledge;
        var query = Request.Query;
        ProductId = query["product"].FirstOrDefault() is { Length: > 0 } p ? p : "laptop";
        if (query["find"].FirstOrDefault() is { Length: > 0 } words)
        {
            // Keywords (English or Chinese) pick the product; its typical features are then shown to refine.
            Find = words;
            try
            {
                ProductId = advisor.Resolve(new ProfileInput { Keywords = words, Markets = ["CN"] }, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Product.Id;
            }
            catch (ProfileException e)
            {
                Errors = e.Errors.Where(x => x.Path == "keywords").ToList();
            }
        }

        Markets = query["market"].Count > 0 ? [.. query["market"].OfType<string>()] : ["CN"];
        Date = query["date"].FirstOrDefault() ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var defaults = Knowledge.Products.TryGetValue(ProductId, out var kind) ? kind.Defaults : new Dictionary<string, FeatureValue>();
        var evaluate = query["evaluate"] == "1";
        var given = evaluate ? Submitted() : [];
        Values = Merge(defaults, given);
        if (!evaluate)
        {
            return Page();
        }

        var input = new ProfileInput
        {
            Product = ProductId,
            Markets = Markets,
            Date = Date,
            Features = given.ToDictionary(g => g.Key, g => g.Value),
        };
        try
        {
            Answer = advisor.Evaluate(input, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        }
        catch (ProfileException e)
        {
            Errors = e.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>Every feature from a complete form: a missing checkbox means false, a missing set means empty.</summary>
    private Dictionary<string, JsonElement> Submitted()
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var feature in Knowledge.Definitions.Features)
        {
            var raw = Request.Query[FeaturePrefix + feature.Id];
            result[feature.Id] = feature.Type switch
            {
                FactType.Bool => JsonSerializer.SerializeToElement(raw.Any(v => v is "true" or "on")),
                FactType.Set => JsonSerializer.SerializeToElement(raw.OfType<string>().ToArray()),
                FactType.Number => double.TryParse(raw.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? JsonSerializer.SerializeToElement(n)
                    : JsonSerializer.SerializeToElement(raw.FirstOrDefault() ?? "0"),
                _ => JsonSerializer.SerializeToElement(raw.FirstOrDefault() ?? string.Empty),
            };
        }

        return result;
    }

    private static Dictionary<string, FeatureValue> Merge(IReadOnlyDictionary<string, FeatureValue> defaults, Dictionary<string, JsonElement> given)
    {
        var values = new Dictionary<string, FeatureValue>(defaults, StringComparer.Ordinal);
        foreach (var (name, json) in given)
        {
            values[name] = json.ValueKind switch
            {
                JsonValueKind.True or JsonValueKind.False => FeatureValue.Of(json.GetBoolean()),
                JsonValueKind.Number => FeatureValue.Of(json.GetDouble()),
                JsonValueKind.Array => FeatureValue.Of(json.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()),
                _ => FeatureValue.Of(json.GetString() ?? string.Empty),
            };
        }

        return values;
    }

    public bool IsChecked(string feature, string? value = null) =>
        Values.TryGetValue(feature, out var v) && (value is null ? v.Flag == true : v.Set?.Contains(value) == true);

    public string? TextOf(string feature) => Values.TryGetValue(feature, out var v) ? v.Text ?? v.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
}
