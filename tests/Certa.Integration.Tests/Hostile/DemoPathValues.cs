using Certa.Infrastructure.Persistence;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Hostile;

/// <summary>
/// A valid value for each path parameter, taken from the demo world, so that a request varying one parameter gets past the
/// others to the code under test. A name the demo world has nothing for gets a fresh GUID (the request then finds nothing).
/// </summary>
public sealed class DemoPathValues
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public static async Task<DemoPathValues> ReadAsync(CertaTestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var found = new DemoPathValues();
        found.Add("applicationId", await db.Applications.Select(a => a.Id.ToString()).FirstOrDefaultAsync());
        found.Add("orderId", await db.TestOrders.Select(o => o.Id.ToString()).FirstOrDefaultAsync());
        found.Add("certificateId", await db.Certificates.Select(c => c.Id.ToString()).FirstOrDefaultAsync());
        found.Add("certificate-number", await db.Certificates.Select(c => c.Number).FirstOrDefaultAsync());
        found.Add("declarationId", await db.Set<Certa.Domain.Declarations.Declaration>().Select(d => d.Id.ToString()).FirstOrDefaultAsync());
        found.Add("filing-number", await db.Set<Certa.Domain.Declarations.Declaration>().Select(d => d.FilingNumber).FirstOrDefaultAsync());
        found.Add("auditId", await db.Set<Certa.Domain.Audits.FactoryAudit>().Select(a => a.Id.ToString()).FirstOrDefaultAsync());
        found.Add("registrationId", await db.GmarkRegistrations.Select(g => g.Id.ToString()).FirstOrDefaultAsync());
        found.Add("inspectionId", await db.Inspections.Select(i => i.Id.ToString()).FirstOrDefaultAsync());
        found.Add("notificationId", await db.Notifications.Select(n => n.Id.ToString()).FirstOrDefaultAsync());
        found.Add("relationId", await db.DeclaredRelations.Select(r => r.Id.ToString()).FirstOrDefaultAsync());
        found.Add("reference", await db.Draws.Select(d => d.Reference).FirstOrDefaultAsync());
        found.Add("personId", await db.People.Select(p => p.Id.ToString()).FirstOrDefaultAsync());
        found.Add("invitationId", await db.Invitations.Select(i => i.Id.ToString()).FirstOrDefaultAsync());
        found.Add("signing-keyId", await db.SigningKeys.Select(k => k.KeyId).FirstOrDefaultAsync());
        found.Add("api-keyId", await db.ApiKeys.Select(k => k.Id).FirstOrDefaultAsync());
        found.Add("authorities", await db.Authorities.Select(a => a.Id).FirstOrDefaultAsync());
        found.Add("schemes", await db.Schemes.Select(s => s.Id).FirstOrDefaultAsync());
        found.Add("rules", await db.Rules.Select(r => r.Id).FirstOrDefaultAsync());
        found.Add("product-types", await db.ProductTypes.Select(p => p.Id).FirstOrDefaultAsync());
        found.Add("standards", await db.Standards.Select(s => s.Number).FirstOrDefaultAsync());
        found.Add("labs", await db.Bodies.Where(b => b.Id.StartsWith("lab")).Select(b => b.Id).FirstOrDefaultAsync());
        return found;
    }

    /// <summary>The value of <paramref name="name"/> in <paramref name="operation"/>'s path, for <paramref name="actor"/>.</summary>
    public string For(ApiOperation operation, string name, HostileActor actor, string actorOrganisation) => name switch
    {
        "bodyId" => "cqc",
        "purpose" => "suspension",
        "findingNo" => "1",
        "kind" => "enterprise",
        "documentId" => "test-report",
        "number" when operation.Path.Contains("/declarations/", StringComparison.Ordinal) => Get("filing-number"),
        "number" when operation.Path.Contains("/standards/", StringComparison.Ordinal) => Get("standards"),
        "number" => Get("certificate-number"),
        "keyId" when operation.Path.Contains("signing-keys", StringComparison.Ordinal) => Get("signing-keyId"),
        "keyId" => Get("api-keyId"),
        "id" when operation.Path.StartsWith("/api/v1/organisations/", StringComparison.Ordinal) => actorOrganisation,
        "id" when operation.Path.StartsWith("/api/v1/bodies/", StringComparison.Ordinal) => "cqc",
        "id" when operation.Path.StartsWith("/api/v1/credit/", StringComparison.Ordinal) => "demo-laptop-maker",
        "id" => Get(operation.Path.Split('/')[3]),
        _ => Get(name),
    };

    /// <summary>The value of route parameter <paramref name="name"/> of the page at <paramref name="page"/>, or null when the demo world has none.</summary>
    public string? ForPage(string page, string name) => (page, name) switch
    {
        ("/Applications/Detail", _) => Find("applicationId"),
        ("/Audits/Detail", _) => Find("auditId"),
        ("/Certificates/Detail", _) => Find("certificateId"),
        ("/Declarations/Detail", _) => Find("declarationId"),
        ("/Gmark/Detail", _) => Find("registrationId"),
        ("/Inspections/Detail", _) => Find("inspectionId"),
        ("/Lab/Order", _) => Find("orderId"),
        ("/Credit/Subject", "kind") => "enterprise",
        ("/Credit/Subject", _) => "demo-laptop-maker",
        ("/Draws/Detail", _) => Find("reference"),
        ("/Filings/Record", _) => Find("filing-number"),
        ("/Verify/Index", _) => Find("certificate-number"),
        ("/Registry/Standard", _) => Find("standards"),
        ("/Registry/Body", _) => "cqc",
        ("/Registry/ProductType", _) => Find("product-types"),
        ("/Registry/Rule", _) => Find("rules"),
        ("/Registry/Scheme", _) => Find("schemes"),
        (_, "id") when page.StartsWith("/Org/", StringComparison.Ordinal) => "cqc",
        _ => null,
    };

    private string? Find(string key) => values.GetValueOrDefault(key);

    private string Get(string key) => values.TryGetValue(key, out var value) ? value : Guid.NewGuid().ToString();

    private void Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values[key] = value;
        }
    }
}
