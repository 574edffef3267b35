using Certa.Domain.Common;

namespace Certa.Domain.Tests.Common;

public class LocalizedTextTests
{
    private static readonly LocalizedText Laptop = new("Portable computers", "便携式计算机");

    [Theory]
    [InlineData("zh")]
    [InlineData("zh-CN")]
    [InlineData("ZH-Hans")]
    public void In_WhenLanguageIsChineseAndChineseIsKnown_ReturnsChinese(string language) =>
        Laptop.In(language).ShouldBe("便携式计算机");

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("")]
    public void In_WhenLanguageIsNotChinese_ReturnsEnglish(string language) =>
        Laptop.In(language).ShouldBe("Portable computers");

    [Fact]
    public void In_WhenChineseIsUnknown_FallsBackToEnglish() =>
        new LocalizedText("Portable computers").In("zh").ShouldBe("Portable computers");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_WhenChineseIsBlank_KeepsNoChinese(string? zh)
    {
        var text = new LocalizedText("Portable computers", zh);

        text.Zh.ShouldBeNull();
        text.ToString().ShouldBe("Portable computers");
    }

    [Fact]
    public void Constructor_TrimsBothLanguages()
    {
        var text = new LocalizedText("  Portable computers ", " 便携式计算机 ");

        text.En.ShouldBe("Portable computers");
        text.Zh.ShouldBe("便携式计算机");
    }

    [Fact]
    public void Constructor_WhenEnglishIsNull_IsRefused() =>
        Should.Throw<ArgumentNullException>(() => new LocalizedText(null!, "便携式计算机"));

    [Fact]
    public void ToString_WhenBothLanguagesKnown_ShowsBoth() =>
        Laptop.ToString().ShouldBe("Portable computers / 便携式计算机");

    [Fact]
    public void IsEmpty_OnlyForTextWithoutEitherLanguage()
    {
        LocalizedText.Empty.IsEmpty.ShouldBeTrue();
        new LocalizedText(string.Empty, "笔记本").IsEmpty.ShouldBeFalse();
        Laptop.IsEmpty.ShouldBeFalse();
    }

    [Fact]
    public void Equality_ComparesBothLanguages()
    {
        new LocalizedText("Portable computers", "便携式计算机").ShouldBe(Laptop);
        new LocalizedText("Portable computers").ShouldNotBe(Laptop);
    }
}
