using Certa.Domain.Registry;

namespace Certa.Domain.Tests.Registry;

public class StandardNumberTests
{
    [Theory]
    [InlineData("GB 4943.1-2022", "GB", "4943.1", 2022, "GB 4943.1")]
    [InlineData("GB/T 9254.1-2021", "GB/T", "9254.1", 2021, "GB/T 9254.1")]
    [InlineData("SJ/T 11364-2014", "SJ/T", "11364", 2014, "SJ/T 11364")]
    [InlineData("GB 28380-2012", "GB", "28380", 2012, "GB 28380")]
    [InlineData("GB 4706.1-2005", "GB", "4706.1", 2005, "GB 4706.1")]
    public void Parse_WhenYearFollowsHyphen_ReadsChineseEdition(string text, string prefix, string body, int year, string family)
    {
        var number = StandardNumber.Parse(text);

        number.Prefix.ShouldBe(prefix);
        number.Body.ShouldBe(body);
        number.Year.ShouldBe(year);
        number.Family.ShouldBe(family);
        number.IsEdition.ShouldBeTrue();
        number.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("IEC 60335-2-80:2015", "IEC", "60335-2-80", 2015, "IEC 60335-2-80")]
    [InlineData("EN 71-1:2014", "EN", "71-1", 2014, "EN 71-1")]
    [InlineData("IEC 62115:2017", "IEC", "62115", 2017, "IEC 62115")]
    [InlineData("GSO IEC 60335-1:2012", "GSO IEC", "60335-1", 2012, "GSO IEC 60335-1")]
    public void Parse_WhenYearFollowsColon_ReadsInternationalEdition(string text, string prefix, string body, int year, string family)
    {
        var number = StandardNumber.Parse(text);

        number.Prefix.ShouldBe(prefix);
        number.Body.ShouldBe(body);
        number.Year.ShouldBe(year);
        number.Family.ShouldBe(family);
        number.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("GB/T 9254.1", "GB/T", "9254.1")]
    [InlineData("GB 4943.1", "GB", "4943.1")]
    [InlineData("SJ/T 11364", "SJ/T", "11364")]
    [InlineData("IEC 60335-2-80", "IEC", "60335-2-80")]
    [InlineData("EN 71-1", "EN", "71-1")]
    public void Parse_WhenNumberHasNoYear_ReadsFamily(string text, string prefix, string body)
    {
        var number = StandardNumber.Parse(text);

        number.Prefix.ShouldBe(prefix);
        number.Body.ShouldBe(body);
        number.Year.ShouldBeNull();
        number.IsEdition.ShouldBeFalse();
        number.Family.ShouldBe(text);
        number.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("ＧＢ　４９４３．１－２０２２", "GB 4943.1-2022")]
    [InlineData("ＧＢ／Ｔ　９２５４．１－２０２１", "GB/T 9254.1-2021")]
    [InlineData("ＩＥＣ　６０３３５－２－８０：２０１５", "IEC 60335-2-80:2015")]
    public void Parse_WhenInputIsFullWidth_NormalisesToHalfWidth(string fullWidth, string expected)
    {
        var number = StandardNumber.Parse(fullWidth);

        number.ToString().ShouldBe(expected);
        number.ShouldBe(StandardNumber.Parse(expected));
    }

    [Theory]
    [InlineData("gb/t 9254.1-2021", "GB/T 9254.1-2021")]
    [InlineData("  GB   4943.1-2022  ", "GB 4943.1-2022")]
    [InlineData("GB4943.1-2022", "GB 4943.1-2022")]
    [InlineData("iec 62115:2017", "IEC 62115:2017")]
    public void Parse_WhenCaseOrSpacingDiffers_WritesCanonicalForm(string text, string expected) =>
        StandardNumber.Parse(text).ToString().ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("4943.1-2022")]
    [InlineData("GB")]
    [InlineData("GB 4943.1-2022 draft")]
    [InlineData("IEC 60335-2-80:15")]
    [InlineData("GB 4943.1—2022")]
    [InlineData("CNCA-C09-01:2023")]
    public void TryParse_WhenTextIsNotAStandardNumber_IsRefusedNamingIt(string text)
    {
        StandardNumber.TryParse(text, out var number, out var error).ShouldBeFalse();

        number.ShouldBeNull();
        error.ShouldContain($"'{text}' is not a standard number");
    }

    [Fact]
    public void TryParse_WhenTextIsNull_IsRefused() =>
        StandardNumber.TryParse(null, out _, out _).ShouldBeFalse();

    [Theory]
    [InlineData("IEC 62115:1900", 1900)]
    [InlineData("IEC 62115:2101", 2101)]
    [InlineData("GB 4943.1-1949", 1949)]
    public void TryParse_WhenYearIsImplausible_IsRefusedNamingTheYear(string text, int year)
    {
        StandardNumber.TryParse(text, out var number, out var error).ShouldBeFalse();

        number.ShouldBeNull();
        error.ShouldContain($"implausible year {year}");
    }

    [Fact]
    public void Parse_WhenTextIsNotAStandardNumber_ThrowsFormatExceptionNamingIt() =>
        Should.Throw<FormatException>(() => StandardNumber.Parse("GB-XYZ")).Message.ShouldContain("'GB-XYZ'");

    [Theory]
    [InlineData("GB 4943.1-2022", "GB 4943.1")]
    [InlineData("GB 4943.1", "GB 4943.1")]
    [InlineData("IEC 60335-2-80:2015", "IEC 60335-2-80")]
    [InlineData("ＧＢ／Ｔ　２６５７２－２０１１", "GB/T 26572")]
    public void FamilyOf_DropsTheYear(string text, string family) =>
        StandardNumber.FamilyOf(text).ShouldBe(family);

    [Fact]
    public void Equality_SameEditionWrittenDifferently_IsEqual() =>
        StandardNumber.Parse("gb 4943.1-2022").ShouldBe(StandardNumber.Parse("GB 4943.1-2022"));

    [Fact]
    public void Equality_DifferentYearsOfOneFamily_AreDifferentEditions()
    {
        var older = StandardNumber.Parse("GB 4943.1-2011");
        var newer = StandardNumber.Parse("GB 4943.1-2022");

        older.ShouldNotBe(newer);
        older.Family.ShouldBe(newer.Family);
    }
}
