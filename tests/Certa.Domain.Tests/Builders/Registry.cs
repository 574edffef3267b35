using System.Globalization;
using Certa.Domain.Common;
using Certa.Domain.Registry;

namespace Certa.Domain.Tests.Builders;

/// <summary>Domain records with every field a test does not care about filled in.</summary>
internal static class Registry
{
    public static Provenance Source { get; } = new("test");

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static StandardEdition Edition(string number, string? inForce = null, string? published = null,
        string? withdrawn = null, string[]? replaces = null) =>
        new(StandardNumber.Parse(number), new LocalizedText(number), StandardKind.Mandatory,
            published is null ? null : Day(published),
            inForce is null ? null : Day(inForce),
            withdrawn is null ? null : Day(withdrawn),
            (replaces ?? []).Select(StandardNumber.Parse), Source);

    public static CatalogueCategory Category(string scheme = "ccc", int no = 9, string edition = "2023") =>
        new(scheme, edition, no, new LocalizedText("IT equipment", "信息技术设备"), Source);

    public static ProductType Product(string scheme = "ccc", int category = 9, string? code = "0902", int no = 40,
        string edition = "2023", ProductMode mode = ProductMode.ThirdParty, string[]? standards = null, string? rule = null) =>
        new(Category(scheme, category, edition), no, code, new LocalizedText("Portable computers", "便携式计算机"), mode, rule,
            standards ?? [], ProductKeywords.None, [], Source);
}
