using System.Diagnostics;
using System.Text;
using Certa.Domain.Certificates;
using Certa.Infrastructure.Certificates.Documents;
using Certa.Testing;

namespace Certa.Integration.Tests.Certificates;

/// <summary>
/// A file attached to a certificate PDF as an incremental update: read back by Certa byte for byte, and by
/// poppler (<c>pdfdetach</c>, <c>pdftotext</c>, <c>pdfinfo</c>, <c>pdftoppm</c>) as a reader outside Certa would.
/// </summary>
public sealed class PdfAttachmentsTests : IDisposable
{
    private const string FileName = "certificate-2026010901000001-v1.json";

    private const string MimeType = "application/vc+ld+json";

    // Non-ASCII and a trailing newline, so any re-encoding or trimming shows.
    private static readonly byte[] Credential = Encoding.UTF8.GetBytes("""{"@context":["https://www.w3.org/ns/credentials/v2"],"name":"中国强制性产品认证 (CCC)"}""" + "\n");

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("certa-attach-");

    private readonly CertificateFacts facts = SampleCertificate.Facts();

    public void Dispose() => folder.Delete(recursive: true);

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Embed_ThenExtract_GivesBackTheExactBytes(string language)
    {
        var pdf = CertificatePdf.Render(facts, language);

        var attached = Attach(pdf);

        var attachment = PdfAttachments.Extract(attached).ShouldHaveSingleItem();
        attachment.FileName.ShouldBe(FileName);
        attachment.MimeType.ShouldBe(MimeType);
        attachment.Content.ShouldBe(Credential);
        attached.AsSpan(0, pdf.Length).SequenceEqual(pdf).ShouldBeTrue("an incremental update must leave the original bytes as they were");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Embed_SameInput_GivesTheSameBytes(string language)
    {
        var pdf = CertificatePdf.Render(facts, language);

        Attach(pdf).ShouldBe(Attach(pdf));
    }

    [Fact]
    public void Embed_AgainUnderAnotherName_KeepsBoth_AndUnderTheSameName_ReplacesIt()
    {
        var once = Attach(CertificatePdf.Render(facts, "en"));
        var note = "見本"u8.ToArray();

        var twice = PdfAttachments.Embed(once, "说明.txt", note, "text/plain", "A note");
        var replaced = PdfAttachments.Embed(twice, FileName, [1, 2, 3], MimeType, "Replaced");

        PdfAttachments.Extract(twice).Select(a => (a.FileName, a.Content.Length)).ShouldBe([(FileName, Credential.Length), ("说明.txt", note.Length)], ignoreOrder: true);
        PdfAttachments.Extract(replaced).Single(a => a.FileName == FileName).Content.ShouldBe(new byte[] { 1, 2, 3 });
        PdfAttachments.Extract(replaced).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Poppler_ListsAndSavesTheAttachment_AndStillReadsAndDrawsThePage(string language)
    {
        var pdf = Save(Attach(CertificatePdf.Render(facts, language)), language);
        var saved = Path.Combine(folder.FullName, $"saved-{language}.json");

        Poppler.Run("pdfdetach", "-list", pdf).ShouldContain("1: " + FileName);
        Poppler.Run("pdfdetach", "-save", "1", "-o", saved, pdf);
        File.ReadAllBytes(saved).ShouldBe(Credential);
        Poppler.Run("pdftotext", pdf, "-").ShouldContain(facts.Number);
        Poppler.Run("pdfinfo", pdf).ShouldContain("Pages:           1");
        Poppler.Run("pdftoppm", "-r", "30", "-png", "-singlefile", pdf, Path.Combine(folder.FullName, $"page-{language}"));
        new FileInfo(Path.Combine(folder.FullName, $"page-{language}.png")).Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void Extract_FromAPdfWithoutAttachments_IsEmpty() =>
        PdfAttachments.Extract(CertificatePdf.Render(facts, "en")).ShouldBeEmpty();

    [Fact]
    public void Extract_FromSomethingThatIsNotAPdf_SaysSo() =>
        Should.Throw<InvalidDataException>(() => PdfAttachments.Extract(Credential)).Message.ShouldContain("Not a PDF");

    [Fact]
    public void Extract_FromATruncatedPdf_SaysItIsDamaged()
    {
        var attached = Attach(CertificatePdf.Render(facts, "en"));

        Should.Throw<InvalidDataException>(() => PdfAttachments.Extract(attached[..(attached.Length / 2)])).Message.ShouldContain("Damaged PDF");
    }

    private static byte[] Attach(byte[] pdf) => PdfAttachments.Embed(pdf, FileName, Credential, MimeType, "Signed credential");

    private string Save(byte[] pdf, string name)
    {
        var path = Path.Combine(folder.FullName, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>Runs a poppler-utils tool and returns what it printed; fails naming the package if it is missing.</summary>
    private static class Poppler
    {
        public static string Run(string tool, params string[] args)
        {
            var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
            found.ShouldNotBeNull($"{tool} is not installed: apt-get install poppler-utils");

            var start = new ProcessStartInfo(found) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            args.ToList().ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit(60_000).ShouldBeTrue($"{tool} did not finish in a minute");
            process.ExitCode.ShouldBe(0, $"{tool} {string.Join(' ', args)} failed: {error.Result}");
            return output.Result;
        }
    }
}
