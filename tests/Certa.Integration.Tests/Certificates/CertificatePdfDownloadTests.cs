using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Certificates.Documents;
using Certa.Integration.Tests.Access;
using Certa.Testing;

namespace Certa.Integration.Tests.Certificates;

/// <summary>A downloaded certificate PDF carries the certificate's current signed credential, on each database.</summary>
public abstract class CertificatePdfDownloadTests(SignedInDemoFixture fixture)
{
    private HttpClient Anyone => fixture.App.Client;

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task ThePublicPdf_CarriesTheCurrentCredential_ByteForByte(string language)
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);

        var pdf = await Anyone.GetByteArrayAsync($"/api/v1/public/certificates/{certificate.Number}/pdf?lang={language}");
        var credential = await Anyone.GetByteArrayAsync($"/api/v1/public/certificates/{certificate.Number}/credential");

        var attachment = PdfAttachments.Extract(pdf).ShouldHaveSingleItem();
        attachment.FileName.ShouldBe($"certificate-{certificate.Number}-v{certificate.Version}.json");
        attachment.MimeType.ShouldBe(CertificateDocuments.CredentialMediaType);
        attachment.Content.ShouldBe(credential);
    }
}

[Collection("sqlite")]
public sealed class SqliteCertificatePdfDownloadTests(SqliteSignedInDemoFixture fixture)
    : CertificatePdfDownloadTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresCertificatePdfDownloadTests(PostgresSignedInDemoFixture fixture)
    : CertificatePdfDownloadTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
