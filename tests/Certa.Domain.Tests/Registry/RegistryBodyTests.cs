using Certa.Domain.Common;
using Certa.Domain.Registry;
using static Certa.Domain.Tests.Builders.Registry;

namespace Certa.Domain.Tests.Registry;

public class RegistryBodyTests
{
    private static readonly ProductType Laptop = Product(category: 9, code: "0902");

    [Fact]
    public void IsDesignatedFor_WhenTheDesignationHasNoDates_HoldsOnAnyDay()
    {
        var body = Body("ccc/cat:9");

        body.IsDesignatedFor(Laptop, DateOnly.MinValue).ShouldBeTrue();
        body.IsDesignatedFor(Laptop, DateOnly.MaxValue).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2018-12-31", false)]
    [InlineData("2019-01-01", true)]
    [InlineData("2024-06-30", true)]
    [InlineData("2024-07-01", false)]
    public void IsDesignatedFor_WhenTheDesignationIsDated_HoldsFromItsFirstToItsLastDay(string day, bool designated) =>
        Body("ccc/cat:9@2019-01-01..2024-06-30").IsDesignatedFor(Laptop, Day(day)).ShouldBe(designated);

    [Fact]
    public void DesignationFor_WhenOneScopeEndedAndAnotherGoesOn_ReturnsTheOneInForce()
    {
        var body = Body("ccc/cat:9@..2020-12-31", "ccc/prod:0902@2021-01-01..");

        body.DesignationFor(Laptop, Day("2020-06-01")).ShouldBe(Designation.Parse("ccc/cat:9@..2020-12-31"));
        body.DesignationFor(Laptop, Day("2022-06-01")).ShouldBe(Designation.Parse("ccc/prod:0902@2021-01-01.."));
        body.DesignationFor(Product(category: 8, code: "0807"), Day("2022-06-01")).ShouldBeNull();
    }

    [Fact]
    public void WhyNotDesignated_WhenDesignated_IsNull() =>
        Body("ccc/cat:9@2019-01-01..").WhyNotDesignated(Laptop, Day("2019-01-01")).ShouldBeNull();

    [Fact]
    public void WhyNotDesignated_WhenNoScopeTakesTheProductIn_SaysSo() =>
        Body("ccc/cat:8", "cqc-mark").WhyNotDesignated(Laptop, Day("2024-01-01"))
            .ShouldBe("not designated for product type ccc.0902 (ccc category 9)");

    [Fact]
    public void WhyNotDesignated_WhenTheDesignationHadEnded_SaysWhen() =>
        Body("ccc/cat:9@2019-01-01..2024-06-30").WhyNotDesignated(Laptop, Day("2024-07-01"))
            .ShouldBe("its designation for ccc category 9 ended on 2024-06-30");

    [Fact]
    public void WhyNotDesignated_WhenTheDesignationHadNotBegun_SaysWhen() =>
        Body("ccc/std:GB 4943.1@2025-01-01..").WhyNotDesignated(Product(standards: ["GB 4943.1-2022"]), Day("2024-12-31"))
            .ShouldBe("its designation for ccc standard GB 4943.1 only began on 2025-01-01");

    [Fact]
    public void WhyNotDesignated_WhenSeveralHadEnded_NamesTheLatestEnd() =>
        Body("ccc@..2015-12-31", "ccc/prod:0902@..2020-12-31", "ccc/cat:9@2030-01-01..").WhyNotDesignated(Laptop, Day("2022-01-01"))
            .ShouldBe("its designation for ccc product 0902 ended on 2020-12-31");

    private static RegistryBody Body(params string[] designations) => new(
        "test-body", BodyKind.CertificationBody, "TB", new LocalizedText("Test body"), "CN", null, foreignInvested: false,
        gsoNotifiedBodyNumber: null, designations.Select(Designation.Parse), Source);
}
