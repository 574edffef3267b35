using Certa.Domain.Tests.Builders;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Domain.Tests.ReferenceData;

/// <summary>A designation entry's <c>from</c>/<c>until</c> limit every scope of the entry.</summary>
public class DesignationDatesTests
{
    [Fact]
    public void Read_WhenEntryHasFromAndUntil_DatesEveryScopeOfIt()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml",
            Snippets.Body("{ scheme: ccc, categories: [9], products: [\"0902\"], from: 2019-01-01, until: 2024-06-30 }"));

        var body = data.Read().Bodies.Single(b => b.Id == "test-body");

        body.Designations.ShouldBe(["ccc/cat:9@2019-01-01..2024-06-30", "ccc/prod:0902@2019-01-01..2024-06-30"]);
    }

    [Theory]
    [InlineData("{ scheme: ccc, all: true, from: 2019-01-01 }", "ccc@2019-01-01..")]
    [InlineData("{ scheme: ccc, all: true, until: 2024-06-30 }", "ccc@..2024-06-30")]
    [InlineData("{ scheme: ccc, all: true, from: 2024-06-30, until: 2024-06-30 }", "ccc@2024-06-30..2024-06-30")]
    [InlineData("{ scheme: ccc, all: true }", "ccc")]
    public void Read_WhenEntryHasOneDateOrNone_LeavesTheOtherSideOpen(string entry, string stored)
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Body(entry));

        data.Read().Bodies.Single(b => b.Id == "test-body").Designations.ShouldBe([stored]);
    }

    [Fact]
    public void Read_WhenUntilIsBeforeFrom_ReportsTheEntryWithBothDays()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml",
            Snippets.Body("{ scheme: ccc, categories: [9], from: 2024-06-30, until: 2019-01-01 }"));

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 7,
            "designation for 'ccc' ends (2019-01-01) before it begins (2024-06-30): 'until' must not be before 'from'")]);
    }

    [Fact]
    public void Read_WhenADateIsMalformed_NamesTheFieldAndTheValue()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Body("{ scheme: ccc, all: true, until: 2024-13-01 }"));

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 7, "'until' must be a date YYYY-MM-DD, not '2024-13-01'")]);
    }
}
