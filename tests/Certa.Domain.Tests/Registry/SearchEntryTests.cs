using Certa.Domain.Common;
using Certa.Domain.Registry;

namespace Certa.Domain.Tests.Registry;

public class SearchEntryTests
{
    private static SearchEntry Standard(IEnumerable<string?> terms, bool verified = true) =>
        new(RegistryKinds.Standard, "GB 4943.1-2022", new LocalizedText("AV/ICT Safety", "音视频安全"), "GB 4943.1-2022", terms, verified);

    [Fact]
    public void Constructor_IdentifiesEntryByKindAndKey()
    {
        var entry = Standard([]);

        entry.Id.ShouldBe("standard:GB 4943.1-2022");
        entry.Kind.ShouldBe("standard");
        entry.Key.ShouldBe("GB 4943.1-2022");
        entry.Detail.ShouldBe("GB 4943.1-2022");
    }

    [Fact]
    public void Text_HoldsFoldedTermsAndTitlesThenTheirCompactForms() =>
        Standard(["GB 4943.1-2022"]).Text.ShouldBe("gb 4943.1-2022 | av/ict safety | 音视频安全 | gb4943.1-2022 | av/ictsafety");

    [Fact]
    public void Text_SkipsBlankTermsAndRepeatsNothing()
    {
        var entry = Standard(["GB 4943.1", null, " ", "gb 4943.1", "ＧＢ　４９４３．１"]);

        entry.Text.ShouldBe("gb 4943.1 | av/ict safety | 音视频安全 | gb4943.1 | av/ictsafety");
    }

    [Fact]
    public void Names_HoldsEveryFoldedNameWholeBetweenBars() =>
        Standard(["GB 4943.1-2022", "GB 4943.1"]).Names.ShouldBe("|gb 4943.1-2022|gb 4943.1|av/ict safety|音视频安全|");

    [Fact]
    public void Names_WhenTitleHasNoChinese_HoldsOnlyEnglish()
    {
        var entry = new SearchEntry(RegistryKinds.Authority, "SAMR", new LocalizedText("State Administration"), "CN", ["SAMR"], true);

        entry.Names.ShouldBe("|samr|state administration|");
        entry.TitleZh.ShouldBeNull();
    }

    [Fact]
    public void Title_GivesBackBothLanguages() =>
        Standard([]).Title.ShouldBe(new LocalizedText("AV/ICT Safety", "音视频安全"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Verified_IsTakenFromTheRecord(bool verified) =>
        Standard([], verified).Verified.ShouldBe(verified);
}
