using Certa.Domain.Common;

namespace Certa.Domain.Tests.Common;

public class ProvenanceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_WhenSourceIsMissing_IsRefused(string? source)
    {
        var error = Should.Throw<ArgumentException>(() => new Provenance(source!));

        error.ParamName.ShouldBe("source");
        error.Message.ShouldContain("needs a source");
    }

    [Fact]
    public void Constructor_WhenOnlySourceGiven_IsVerifiedWithoutNote()
    {
        var provenance = new Provenance(" SAMR Ann. 2023 No.36 ");

        provenance.Source.ShouldBe("SAMR Ann. 2023 No.36");
        provenance.Verified.ShouldBeTrue();
        provenance.Note.ShouldBeNull();
    }

    [Fact]
    public void Constructor_WhenMarkedUnverified_KeepsFlagAndTrimmedNote()
    {
        var provenance = new Provenance("S4", verified: false, note: "  code 0902 not seen in a source ");

        provenance.Verified.ShouldBeFalse();
        provenance.Note.ShouldBe("code 0902 not seen in a source");
    }

    [Fact]
    public void Constructor_WhenNoteIsBlank_KeepsNoNote() =>
        new Provenance("S4", note: "   ").Note.ShouldBeNull();
}
