using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Supervision.FollowUps;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Supervision.Publication;

/// <summary>
/// A month of supervision in March 2031, well clear of the demo world's own days, seeded through the domain and
/// <c>CommitAsync</c>: three certificates of two schemes, two bodies and three enterprises; a passed and a failed
/// follow-up, an automatic suspension by rule, a suspension and a withdrawal by the body, and one suspension in April; in May, two results and two withdrawals in one instant.
/// Each notice has a label (<c>A-passed</c>…) so that tests name the rows they expect.
/// </summary>
public sealed class PublicationWorld
{
    public const string Window = "from=2031-03-01&to=2031-03-31";

    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);

    public Certificate A { get; private set; } = null!;

    public Certificate B { get; private set; } = null!;

    public Certificate C { get; private set; } = null!;

    /// <summary>The label of a notice by its certificate number and kind (<c>inspection</c>, <c>suspension</c>, <c>withdrawal</c>) and time.</summary>
    public string LabelOf(string number, string kind, string publishedAt) =>
        labels.TryGetValue($"{number}|{kind}|{publishedAt[..16]}", out var label) ? label : $"unexpected {kind} of {number} at {publishedAt}";

    public static async Task<PublicationWorld> SeedAsync(CertaTestApp app)
    {
        var world = new PublicationWorld();
        var services = app.Services;
        world.A = await IssueAsync(services, "ccc", "cqc", "demo-laptop-maker", "ccc.0902", At(2, 1, 9));
        world.B = await IssueAsync(services, "ccc", "cvc-cert", "demo-fan-works", "ccc.0903", At(2, 1, 9));
        world.C = await IssueAsync(services, "cn-cnecsp", "cqc", "demo-appliance-maker", "cn-cnecsp.lighting", At(2, 1, 9));

        await world.InspectAsync(services, "A-passed", world.A, At(3, 2, 10), [], "All conformed.");
        await world.InspectAsync(services, "B-failed", world.B, At(3, 5, 10), ["=HYPERLINK(\"http://evil.example\",\"click\")", "Rating label missing"], "-2 units short of the sample");
        await world.ActAsync(services, "B-suspended-by-rule", world.B, At(3, 5, 12), "suspension",
            c => c.Suspend("Follow-up inspection failed", new DateOnly(2031, 4, 5), At(3, 5, 12), FollowUpRuleIds.FailedSuspends));
        await world.ActAsync(services, "C-suspended", world.C, At(3, 10, 9), "suspension",
            c => c.Suspend("+Sample failed the retest", new DateOnly(2031, 4, 10), At(3, 10, 9)));
        await world.ActAsync(services, "C-withdrawn", world.C, At(3, 20, 9), "withdrawal", c => c.Withdraw("@Deadline missed", At(3, 20, 9)));
        await world.ActAsync(services, "A-suspended-april", world.A, At(4, 2, 9), "suspension",
            c => c.Suspend("Factory moved without notice", new DateOnly(2031, 5, 2), At(4, 2, 9)));
        // May: two results and two withdrawals in the same instant, which paging must neither lose nor repeat.
        await world.InspectAsync(services, "A-passed-may", world.A, At(5, 6, 10), [], "Corrected.");
        await world.InspectAsync(services, "B-passed-may", world.B, At(5, 6, 10), [], "Corrected.");
        await world.ActAsync(services, "A-withdrawn-may", world.A, At(5, 6, 10), "withdrawal", c => c.Withdraw("Not corrected in time", At(5, 6, 10)));
        await world.ActAsync(services, "B-withdrawn-may", world.B, At(5, 6, 10), "withdrawal", c => c.Withdraw("Not corrected in time", At(5, 6, 10)));
        return world;
    }

    public static DateTimeOffset At(int month, int day, int hour) => new(2031, month, day, hour, 0, 0, TimeSpan.Zero);

    private static async Task<Certificate> IssueAsync(IServiceProvider services, string scheme, string body, string holder, string productType, DateTimeOffset at)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == holder).Select(o => o.Name).SingleAsync();
        var content = new CertificateContent(scheme, body, holder, name, new LocalizedText("1 Example Road"),
            new Party(name, new LocalizedText("1 Example Road")), new Party(name, new LocalizedText("2 Factory Lane")), productType,
            ProductDetails.Of(new LocalizedText("Product"), "M1", [], "Example"), ["GB 4943.1-2022"]);
        var index = await scope.ServiceProvider.GetRequiredService<StatusListIndexes>().NextAsync(body, default);
        var number = $"PUB-{Guid.NewGuid():N}"[..20];
        var certificate = Certificate.IssueRegistered(Guid.CreateVersion7(at), number, content, 5, at, index, "publication test");
        db.Certificates.Add(certificate);
        await db.CommitAsync(CommandContext.CommandLine(), at, default);
        return certificate;
    }

    private async Task InspectAsync(IServiceProvider services, string label, Certificate certificate, DateTimeOffset at, string[] findings, string summary)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var tracked = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == certificate.Id);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var inspection = Inspection.PlanFollowUp(Guid.CreateVersion7(at), tracked, day, day, ["inspector-1"], at.AddHours(-2));
        db.Inspections.Add(inspection);
        await db.CommitAsync(CommandContext.CommandLine(), at.AddHours(-2), default);
        if (findings.Length == 0)
        {
            inspection.RecordPassed(day, summary, at);
        }
        else
        {
            inspection.RecordFailed(day, findings, summary, at);
        }

        await db.CommitAsync(CommandContext.CommandLine(), at, default);
        Label(label, certificate, "inspection", at);
    }

    private async Task ActAsync(IServiceProvider services, string label, Certificate certificate, DateTimeOffset at, string kind, Action<Certificate> act)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        act(await db.Certificates.SingleAsync(c => c.Id == certificate.Id));
        await db.CommitAsync(CommandContext.CommandLine(), at, default);
        Label(label, certificate, kind, at);
    }

    private void Label(string label, Certificate certificate, string kind, DateTimeOffset at) =>
        labels[$"{certificate.Number}|{kind}|{at.UtcDateTime:yyyy-MM-ddTHH:mm}"] = label;
}

/// <summary>The demo Certa with <see cref="PublicationWorld"/> seeded once.</summary>
public abstract class PublicationFixture(DatabaseProvider provider) : DemoAppFixture(provider), IAsyncLifetime
{
    public PublicationWorld World { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        World = await PublicationWorld.SeedAsync(App);
    }
}

public sealed class SqlitePublicationFixture() : PublicationFixture(DatabaseProvider.Sqlite);

public sealed class PostgresPublicationFixture() : PublicationFixture(DatabaseProvider.Postgres);
