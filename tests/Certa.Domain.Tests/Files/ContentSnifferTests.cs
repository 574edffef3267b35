using System.Text;
using Certa.Domain.Common;
using Certa.Infrastructure.Files;

namespace Certa.Domain.Tests.Files;

/// <summary>Uploads are judged by their bytes: the magic numbers, UTF-8 text without NULs, and a file name with no path in it.</summary>
public sealed class ContentSnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    public void BinaryType_NamesTheKindItsMagicAnnounces(byte[] head, string type) =>
        ContentSniffer.BinaryType(head).ShouldBe(type);

    [Theory]
    [InlineData("<!doctype html><html><script>alert(1)</script>")]
    [InlineData("MZ\u0090\u0000\u0003")]
    [InlineData("PK\u0003\u0004")]
    [InlineData("%PD")]
    [InlineData(" %PDF-1.7")]
    [InlineData("")]
    public void BinaryType_IsNullForAnythingElse(string content) =>
        ContentSniffer.BinaryType(Encoding.Latin1.GetBytes(content)).ShouldBeNull();

    [Fact]
    public void DocumentRules_RefuseAnHtmlPageNamedPdf()
    {
        var refusal = Should.Throw<DomainException>(() => DocumentRules.Accept("report.pdf", "report", Encoding.UTF8.GetBytes("<html><body>hi</body></html>")));

        refusal.Code.ShouldBe("file-type-not-allowed");
    }

    [Theory]
    [InlineData("number,model\n2026010902000001,X14\n")]
    [InlineData("\uFEFF编号\n笔记本\n")]
    [InlineData("{\"number\":\"2026010902000001\"}\n")]
    public void IsText_AcceptsUtf8(string text) => ContentSniffer.IsText(Encoding.UTF8.GetBytes(text)).ShouldBeTrue();

    [Theory]
    [InlineData(new byte[] { 0x61, 0x00, 0x62 })]
    [InlineData(new byte[] { 0x61, 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0x6E, 0x00, 0x75, 0x00 })]
    public void IsText_RefusesNulsAndBytesThatAreNotUtf8(byte[] content) => ContentSniffer.IsText(content).ShouldBeFalse();

    [Fact]
    public void IsText_OfAPrefix_ForgivesACharacterCutAtTheEnd()
    {
        var cut = Encoding.UTF8.GetBytes("编号")[..4];

        ContentSniffer.IsText(cut, prefix: true).ShouldBeTrue();
        ContentSniffer.IsText(cut).ShouldBeFalse();
    }

    [Fact]
    public void DecodeText_RefusesBinaryWithAProblemCode()
    {
        var refusal = Should.Throw<DomainException>(() => ContentSniffer.DecodeText([0x4D, 0x5A, 0x90, 0x00], "upload.csv"));

        refusal.Code.ShouldBe("file-not-text");
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("C:\\Users\\x\\report.pdf", "report.pdf")]
    [InlineData("/abs/path/report.pdf", "report.pdf")]
    [InlineData("report\u202Efdp.exe", "reportfdp.exe")]
    [InlineData("a\u0000b\r\n.pdf", "ab.pdf")]
    [InlineData("..", "fallback")]
    [InlineData("../", "fallback")]
    [InlineData("   ", "fallback")]
    [InlineData(null, "fallback")]
    [InlineData("报告.pdf", "报告.pdf")]
    public void SafeFileName_KeepsOnlyTheLastSegment_WithoutInvisibleCharacters(string? given, string kept) =>
        ContentSniffer.SafeFileName(given, "fallback").ShouldBe(kept);

    [Fact]
    public void SafeFileName_ShortensALongName_KeepingItsExtension()
    {
        var name = ContentSniffer.SafeFileName(new string('a', 5000) + ".pdf", "fallback");

        name.Length.ShouldBe(ContentSniffer.MaxFileNameLength);
        name.ShouldEndWith(".pdf");
    }
}
