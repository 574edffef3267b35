using System.Net;
using System.Text;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;
using Certa.Integration.Tests.Hostile;
using Certa.Integration.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Certa.Integration.Tests.Security;

/// <summary>
/// Each upload route judges a file by its bytes: an HTML page or an EXE named .pdf, a binary CSV, is refused with a problem and
/// nothing is stored or written, whatever the name says, and a name's path is never kept.
/// </summary>
public abstract class UploadSniffingTests(SignedInDemoFixture fixture)
{
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<!doctype html><html><script>alert(1)</script></html>");
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    [Fact]
    public async Task ApplicationDocument_ThatIsAnHtmlPageNamedPdf_IsRefused()
    {
        var applicant = fixture.As(Role.ApplicantUser);
        var application = (await ApplicationJourney.DraftAsync(applicant.Client)).Str("id");

        await ShouldRefuseAsync(applicant.Client, HttpMethod.Put,
            $"/api/v1/applications/{application}/documents/test-report?fileName=..%2F..%2Fetc%2Freport.pdf", Html, "application/pdf", "file-type-not-allowed");
    }

    [Fact]
    public async Task LabReport_ThatIsAnExeNamedPdf_IsRefused()
    {
        var engineer = fixture.As(Role.LabEngineer);
        var applicationId = await TestOrderJourney.AcceptedAsync(fixture.As(Role.ApplicantUser).Client, fixture.As(Role.ApplicationHandler).Client);
        var order = (await TestOrderJourney.OrderAsync(fixture.As(Role.ApplicationHandler).Client, applicationId, engineer.Organisation)).Str("id");

        await ShouldRefuseAsync(engineer.Client, HttpMethod.Put, $"/api/v1/test-orders/{order}/report?fileName=report.pdf", Exe, "application/pdf",
            "file-type-not-allowed");
    }

    [Fact]
    public async Task FindingEvidence_ThatIsAnHtmlPageNamedPng_IsRefused()
    {
        var applicant = fixture.As(Role.ApplicantUser);
        var audit = await fixture.App.QueryAsync(db => db.Set<Certa.Domain.Audits.FactoryAudit>().Where(a => a.ApplicantId == applicant.Organisation)
            .Select(a => a.Id).FirstOrDefaultAsync());
        if (audit == Guid.Empty)
        {
            return;
        }

        await ShouldRefuseAsync(applicant.Client, HttpMethod.Put, $"/api/v1/factory-audits/{audit}/findings/1/evidence?correctiveAction=fixed&fileName=photo.png",
            Html, "image/png", "file-type-not-allowed");
    }

    [Fact]
    public async Task DeclarationReport_ThatIsAnHtmlPageInBase64_IsRefused()
    {
        var applicant = fixture.As(Role.ApplicantUser);
        var body = $$$"""
            {"productType":"ccc.0205+0207","mode":"a","product":{"name":{"en":"Fan"},"mainModel":"F1"},
             "manufacturer":{"name":{"en":"M"},"address":{"en":"A"}},"factory":{"name":{"en":"F"},"address":{"en":"A"}},
             "report":{"labName":"Lab","number":"R-1","issuedOn":"2026-01-01","fileName":"../report.pdf","contentBase64":"{{{Convert.ToBase64String(Html)}}}"}}
            """;

        await ShouldRefuseAsync(applicant.Client, HttpMethod.Post, "/api/v1/declarations", Encoding.UTF8.GetBytes(body), "application/json", null);
    }

    [Fact]
    public async Task GmarkImport_ThatIsBinary_IsRefused()
    {
        var body = fixture.Sessions.Values.First(s => AccessRules.ReachOf(s.Role, Permission.GmarkRegister) != Reach.None);

        await ShouldRefuseAsync(body.Client, HttpMethod.Post, "/api/v1/gmark/import", Exe, "text/csv", "file-not-text");
    }

    [Fact]
    public async Task BulkVerify_OfABinaryBody_IsRefused() =>
        await ShouldRefuseAsync(HostileRunner.Bare(fixture.App.Address), HttpMethod.Post, "/api/v1/public/verify:bulk", Exe, "text/csv", "body-not-text");

    /// <summary>Sends the file and expects a 4xx problem (with <paramref name="code"/> when given) and the database and file store untouched.</summary>
    private async Task ShouldRefuseAsync(HttpClient client, HttpMethod method, string url, byte[] content, string contentType, string? code)
    {
        var before = await DatabaseSnapshot.TakeAsync(fixture.App);
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(content) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBeInRange(400, 499, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        if (code is not null)
        {
            (await response.ProblemCodeAsync()).ShouldBe(code, body);
        }

        (await DatabaseSnapshot.TakeAsync(fixture.App)).ChangesSince(before).ShouldBeEmpty();
    }
}

[Collection("sqlite")]
public sealed class SqliteUploadSniffingTests(SqliteSignedInDemoFixture fixture) : UploadSniffingTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresUploadSniffingTests(PostgresSignedInDemoFixture fixture) : UploadSniffingTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
