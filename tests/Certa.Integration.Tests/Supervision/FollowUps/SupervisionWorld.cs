using Certa.Domain.Certificates;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.FollowUps;
using Certa.Infrastructure.Supervision.Inspections;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Supervision.FollowUps;

/// <summary>
/// The demo world on a clock the test moves (from 1 December 2026, 08:00 UTC), with what the follow-up tests do in it:
/// issue a certificate of the demo body, plan and record its follow-ups with the body's auditor, run a supervision round.
/// </summary>
public sealed class SupervisionWorld : IAsyncDisposable
{
    private SupervisionWorld(CertaTestApp app, MovingClock clock)
    {
        App = app;
        Clock = clock;
    }

    public CertaTestApp App { get; }

    public MovingClock Clock { get; }

    public static async Task<SupervisionWorld> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, MovingClock? clock = null)
    {
        clock ??= new MovingClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var app = await CertaTestApp.StartAsync(provider, demo: true, settings: settings, services: s => s.AddSingleton<TimeProvider>(clock));
        return new SupervisionWorld(app, clock);
    }

    public Task<Certificate> IssueAsync(int years = 5) => CertificateSeed.IssueAsync(App.Services, years: years);

    public async Task<Inspection> PlanAsync(Certificate certificate, DateOnly dueOn)
    {
        var auditor = await App.QueryAsync(db => db.People.Where(p => p.Email == "auditor@cqc.example").Select(p => p.Id).SingleAsync());
        return await CommandAsync(c => c.PlanFollowUpAsync(CommandContext.CommandLine(), certificate.Number, dueOn, Clock.Today, [auditor], default));
    }

    public Task<Inspection> RecordAsync(Inspection inspection, bool passed, params string[] findings) =>
        CommandAsync(c => c.RecordResultAsync(CommandContext.CommandLine(), inspection.Id, new InspectionResult(passed, Clock.Today, findings, null), default));

    public Task<SupervisionRoundResult> RoundAsync() => App.Services.GetRequiredService<SupervisionRound>().RunAsync(Clock.GetUtcNow(), default);

    public Task<Certificate> CertificateAsync(Certificate certificate) =>
        App.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == certificate.Id));

    /// <summary>The audit entries of the certificate's automatic actions, in order.</summary>
    public Task<List<Domain.Audit.AuditEvent>> ActionsAsync(Certificate certificate) =>
        App.QueryAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == "certificate" && e.EntityId == certificate.Id.ToString() && e.Action != "certificate.issued")
            .OrderBy(e => e.Sequence).ToListAsync());

    private async Task<Inspection> CommandAsync(Func<InspectionCommands, Task<Inspection>> command)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<InspectionCommands>());
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
