using Certa.Domain.Registry;
using static Certa.Domain.Tests.Builders.Registry;

namespace Certa.Domain.Tests.Registry;

public class CatalogueCategoryTests
{
    [Fact]
    public void Id_IsSchemeEditionAndNumber() =>
        Category(scheme: "ccc", no: 8, edition: "2023").Id.ShouldBe("ccc.2023.8");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_WhenNumberIsNotPositive_IsRefused(int no) =>
        Should.Throw<ArgumentException>(() => Category(no: no)).Message.ShouldContain($"Category number {no} is not positive");

    [Fact]
    public void Constructor_WhenEditionIsBlank_IsRefused() =>
        Should.Throw<ArgumentException>(() => Category(edition: " ")).ParamName.ShouldBe("edition");
}
