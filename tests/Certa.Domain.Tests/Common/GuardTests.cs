using Certa.Domain.Common;

namespace Certa.Domain.Tests.Common;

public class GuardTests
{
    [Theory]
    [InlineData("ccc")]
    [InlineData("cn-srrc")]
    [InlineData("CNCA-C09-01:2023")]
    [InlineData("ccc.0902")]
    [InlineData("ccc.0807+0907")]
    [InlineData("cqc/gmark")]
    [InlineData("0807;0907")]
    [InlineData("SAMR_2023")]
    public void Id_WhenTextUsesAllowedCharacters_ReturnsIt(string id) =>
        Guard.Id(id).ShouldBe(id);

    [Fact]
    public void Id_WhenSurroundedBySpace_ReturnsItTrimmed() =>
        Guard.Id("  ccc ").ShouldBe("ccc");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Id_WhenMissing_IsRefusedAsRequired(string? id) =>
        Should.Throw<ArgumentException>(() => Guard.Id(id)).Message.ShouldContain("id is required");

    [Theory]
    [InlineData("-ccc")]
    [InlineData(".ccc")]
    [InlineData("ccc!")]
    [InlineData("ccc?x=1")]
    [InlineData("ccc#8")]
    [InlineData("强制认证")]
    public void Id_WhenTextHasForbiddenCharacters_IsRefusedNamingIt(string id) =>
        Should.Throw<ArgumentException>(() => Guard.Id(id)).Message.ShouldContain($"'{id}' is not a valid id");

    [Fact]
    public void Required_WhenMissing_NamesTheParameter()
    {
        var error = Should.Throw<ArgumentException>(() => Guard.Required(" ", "jurisdiction"));

        error.ParamName.ShouldBe("jurisdiction");
        error.Message.ShouldContain("jurisdiction is required");
    }
}
