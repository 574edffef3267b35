using Certa.Domain.Access;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Certa.Bench;

/// <summary>What the requests are made of: certificate numbers from the database and two API keys issued for the run.</summary>
internal sealed record MixWorld(IReadOnlyList<string> Numbers, string BodyKey, string ApplicantKey, IReadOnlyList<Guid> Applications)
{
    public const string Body = "cqc";
    public const string Applicant = "demo-laptop-maker";

    public static async Task<MixWorld> PrepareAsync(MixOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddCertaDatabase(new DatabaseOptions { Provider = options.Provider, ConnectionString = options.ConnectionString });
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var ct = CancellationToken.None;
        var numbers = await db.Certificates.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Number).Take(20_000).ToListAsync(ct);
        if (numbers.Count == 0)
        {
            throw new InvalidOperationException("The database holds no certificates: seed it first (certa serve --demo, or certa dev generate).");
        }

        var applications = await db.Applications.AsNoTracking().Where(a => a.BodyId == Body).OrderBy(a => a.Id).Select(a => a.Id).Take(200).ToListAsync(ct);
        var bodyKey = await IssueAsync(provider, Body, [Permission.ApplicationsRead, Permission.InspectionsRead, Permission.StatisticsRead], ct);
        var applicantKey = await IssueAsync(provider, Applicant, [Permission.ApplicationsDraft, Permission.ApplicationsRead], ct);
        return new MixWorld(numbers, bodyKey, applicantKey, applications);
    }

    // A scope (a DbContext) per key, as a web request has: the audit trail chains onto the last event this context
    // tracks, and the running instances write events in between.
    private static async Task<string> IssueAsync(IServiceProvider services, string organisation, Permission[] wanted, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var keys = new ApiKeyCommands(db, TimeProvider.System);
        var kind = await db.Organisations.Where(o => o.Id == organisation).Select(o => (OrganisationKind?)o.Kind).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"There is no organisation '{organisation}': seed the demo world first (certa serve --demo).");
        var scopes = wanted.Intersect(AccessRules.ScopesFor(kind)).ToList();
        var (_, plaintext) = await keys.IssueAsync(CommandContext.CommandLine(), organisation, $"mix load {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}",
            scopes, DateTimeOffset.UtcNow.AddDays(1), ct);
        return plaintext;
    }
}
