using Certa.Domain.Common;
using Certa.Domain.Registry;
using static Certa.Domain.Tests.Builders.Registry;

namespace Certa.Domain.Tests.Registry;

public class StandardEditionTests
{
    [Fact]
    public void Constructor_WhenNumberHasNoYear_IsRefused()
    {
        var error = Should.Throw<ArgumentException>(() => Edition("GB/T 9254.1"));

        error.Message.ShouldContain("'GB/T 9254.1' names a family");
    }

    [Fact]
    public void Constructor_WhenInForceBeforePublished_IsRefusedNamingBothDates()
    {
        var error = Should.Throw<ArgumentException>(() => Edition("GB 28380-2025", inForce: "2025-01-01", published: "2025-01-24"));

        error.Message.ShouldContain("2025-01-01");
        error.Message.ShouldContain("2025-01-24");
    }

    [Fact]
    public void Constructor_WhenInForceOnPublicationDay_IsAccepted() =>
        Edition("GB 28380-2025", inForce: "2025-01-24", published: "2025-01-24").InForce.ShouldBe(Day("2025-01-24"));

    [Fact]
    public void Constructor_SplitsNumberIntoFamilyAndYear()
    {
        var edition = Edition("ＧＢ　２８３８０－２０２５", replaces: ["gb 28380-2012"]);

        edition.Number.ShouldBe("GB 28380-2025");
        edition.Family.ShouldBe("GB 28380");
        edition.Year.ShouldBe(2025);
        edition.Replaces.ShouldBe(["GB 28380-2012"]);
    }

    [Theory]
    [InlineData("2026-02-01", "2025-01-24", "2026-02-01")]
    [InlineData(null, "2025-01-24", "2025-01-24")]
    [InlineData(null, null, "2025-01-01")]
    public void EffectiveFrom_IsInForceElsePublishedElseFirstDayOfYear(string? inForce, string? published, string expected) =>
        Edition("GB 28380-2025", inForce: inForce, published: published).EffectiveFrom.ShouldBe(Day(expected));

    [Fact]
    public void Constructor_KeepsProvenance()
    {
        var edition = new StandardEdition(StandardNumber.Parse("GB 28380-2025"), new LocalizedText("Microcomputers"),
            StandardKind.Mandatory, null, null, null, [], new Provenance("gbstd.com", verified: false));

        edition.Provenance.Source.ShouldBe("gbstd.com");
        edition.Provenance.Verified.ShouldBeFalse();
    }
}
