using Certa.Domain.Tests.Builders;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Domain.Tests.ReferenceData;

/// <summary>A reference to something the data do not define is reported at the referring record.</summary>
public class ReferenceCheckTests
{
    [Fact]
    public void Read_WhenSchemeNamesUnknownAuthority_ReportsTheScheme()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Scheme(authority: "NMPA"));

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 2, "authority 'NMPA' is not defined")]);
    }

    [Fact]
    public void Read_WhenAuthorityNamesUnknownParent_ReportsTheAuthority()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", """
            authorities:
              - id: CNCA
                name: "Certification and Accreditation Administration"
                jurisdiction: CN
                parent: AQSIQ
                kind: regulator
                source: "S4"
            """);

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 2, "parent authority 'AQSIQ' is not defined")]);
    }

    [Fact]
    public void Read_WhenProductNamesUnknownRule_ReportsTheProduct()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Catalogue(rule: "CNCA-C01-01:2024"));

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 9, "rule 'CNCA-C01-01:2024' is not defined")]);
    }

    [Fact]
    public void Read_WhenProductNamesStandardFamilyWithoutEdition_ReportsTheProduct()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Catalogue(standards: "\"GB 4943.1\", \"GB/T 15934\""));

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 9, "standard 'GB/T 15934' has no edition in any standards list")]);
    }

    [Fact]
    public void Read_WhenProductNamesAnEditionOfAKnownFamily_AcceptsItAsTheFamily()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Catalogue(standards: "\"GB 4943.1-2035\""));

        data.Read().ProductTypes.Single(p => p.Id == "ccc.0101").StandardFamilies.ShouldBe(["GB 4943.1"]);
    }

    [Fact]
    public void Read_WhenEditionReplacesUnknownEdition_ReportsTheEdition()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Standard(replaces: "\"GB 28380-2012\""));

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 2, "replaced edition 'GB 28380-2012' is not defined")]);
    }

    [Fact]
    public void Read_WhenRuleNamesUnknownScheme_ReportsTheRule()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", """
            rules:
              - id: "CNCA-C01-01:2024"
                scheme: cc
                title: "CCC implementation rules — Wires and cables"
                source: "CNCA Ann. 2024 No.9"
            """);

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 2, "scheme 'cc' is not defined")]);
    }

    [Theory]
    [InlineData("{ scheme: ccc, categories: [42] }", "designation 'ccc/cat:42' names a category that is not in the data")]
    [InlineData("{ scheme: ccc, products: [\"0999\"] }", "designation 'ccc/prod:0999' names a product that is not in the data")]
    [InlineData("{ scheme: ccc, standards: [\"GB/T 15934\"] }", "designation 'ccc/std:GB/T 15934' names a standard that is not in the data")]
    [InlineData("{ scheme: cn-rohs, all: true }", "designation 'cn-rohs': scheme 'cn-rohs' is not defined")]
    public void Read_WhenBodyDesignationNamesUnknownScope_ReportsTheBody(string designation, string reason)
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Body(designation));

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 2, reason)]);
    }

    [Fact]
    public void Read_WhenDesignationNamesNoScope_ReportsTheDesignation()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Body("{ scheme: ccc }"));

        data.Refusal().ShouldBe([
            new ReferenceDataError("data/extra.yaml", 7, "designation for 'ccc' names no scope: give all, categories, products or standards"),
        ]);
    }

    [Fact]
    public void Read_WhenSeveralReferencesDangle_ReportsEveryOne()
    {
        using var data = MinimalDataSet.Create()
            .With("extra/body.yaml", Snippets.Body("{ scheme: ccc, categories: [42] }"))
            .With("extra/scheme.yaml", Snippets.Scheme(authority: "NMPA"))
            .With("extra/standard.yaml", Snippets.Standard(replaces: "\"GB 28380-2012\""));

        data.Refusal().ShouldBe([
            new ReferenceDataError("data/extra/scheme.yaml", 2, "authority 'NMPA' is not defined"),
            new ReferenceDataError("data/extra/standard.yaml", 2, "replaced edition 'GB 28380-2012' is not defined"),
            new ReferenceDataError("data/extra/body.yaml", 2, "designation 'ccc/cat:42' names a category that is not in the data"),
        ], ignoreOrder: true);
    }
}
