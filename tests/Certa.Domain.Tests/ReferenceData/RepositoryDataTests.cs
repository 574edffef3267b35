using Certa.Domain.Registry;
using Certa.Domain.Tests.Builders;
using Certa.Infrastructure.ReferenceData;
using static Certa.Domain.Tests.Builders.Registry;

namespace Certa.Domain.Tests.ReferenceData;

/// <summary>Facts the shipped reference data must keep, whatever else is edited.</summary>
public class RepositoryDataTests
{
    [Fact]
    public void Read_RepositoryData_HasNoErrors()
    {
        var errors = ReadErrors();

        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Catalogue_Ccc2023_Has16CategoriesAnd96ProductTypes()
    {
        var snapshot = RepositoryData.Read();

        snapshot.Categories.Count(c => c.SchemeId == "ccc" && c.Edition == "2023").ShouldBe(16);
        snapshot.ProductTypes.Count(p => p.SchemeId == "ccc" && p.Edition == "2023").ShouldBe(96);
    }

    [Fact]
    public void ProductType_PortableComputers_HasItsRuleStandardsAndChineseKeyword()
    {
        var laptop = RepositoryData.Read().ProductTypes.Single(p => p.Id == "ccc.0902");

        laptop.RuleId.ShouldBe("CNCA-C09-01:2023");
        laptop.StandardFamilies.ShouldBe(["GB 4943.1", "GB/T 9254.1", "GB 17625.1"], ignoreOrder: true);
        laptop.KeywordsZh.ShouldContain("笔记本");
    }

    [Theory]
    [InlineData("2012-09-01", "GB 28380-2012")]
    [InlineData("2026-01-31", "GB 28380-2012")]
    [InlineData("2026-02-01", "GB 28380-2025")]
    public void Timeline_Microcomputers_SwitchesToThe2025EditionOnFebruaryFirst2026(string day, string edition)
    {
        var timeline = new StandardTimeline(RepositoryData.Read().Standards);

        timeline.AppliesOn("GB 28380", Day(day)).ShouldNotBeNull().Number.ShouldBe(edition);
    }

    [Theory]
    [InlineData("ccc")]
    [InlineData("cqc-mark")]
    [InlineData("cn-rohs")]
    [InlineData("cn-energy-label")]
    [InlineData("cn-srrc")]
    [InlineData("cn-nal")]
    [InlineData("cn-auto-announcement")]
    [InlineData("cn-cnecsp")]
    [InlineData("cn-mlps")]
    [InlineData("cn-commercial-crypto")]
    [InlineData("cn-agri-machinery")]
    [InlineData("cn-railway")]
    [InlineData("gcc-gmark")]
    public void Schemes_IncludeEverySchemeOfTheSeedTable(string id) =>
        RepositoryData.Read().Schemes.Select(s => s.Id).ShouldContain(id);

    [Theory]
    [InlineData("BD-142004-01")]
    [InlineData("BD-131704-01")]
    public void Rules_IncludeTheGMarkTechnicalRegulations(string id) =>
        RepositoryData.Read().Rules.ShouldContain(r => r.Id == id && r.SchemeId == "gcc-gmark");

    private static IReadOnlyList<ReferenceDataError> ReadErrors()
    {
        try
        {
            RepositoryData.Read();
            return [];
        }
        catch (ReferenceDataException e)
        {
            return e.Errors;
        }
    }
}
