using Certa.Infrastructure.Persistence;
using Certa.Testing;

namespace Certa.Integration.Tests.Statistics;

/// <summary>
/// One demo Certa per test class with <see cref="StatisticsSeed"/>'s numbers and nothing else counted: an authority
/// officer, a body admin of cqc and an applicant signed in.
/// </summary>
public abstract class StatisticsFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public CertaTestApp App { get; private set; } = null!;

    public HttpClient Officer { get; private set; } = null!;

    public HttpClient CqcAdmin { get; private set; } = null!;

    public HttpClient Applicant { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await CertaTestApp.StartAsync(provider, demo: true);
        await StatisticsSeed.SeedAsync(App.Services);
        Officer = await App.SignInAsync("officer@cnca.example");
        CqcAdmin = await App.SignInAsync("admin@cqc.example");
        Applicant = await App.SignInAsync("applicant@demo-laptop-maker.example");
    }

    public async Task DisposeAsync()
    {
        Officer.Dispose();
        CqcAdmin.Dispose();
        Applicant.Dispose();
        await App.DisposeAsync();
    }
}

public sealed class SqliteStatisticsFixture() : StatisticsFixture(DatabaseProvider.Sqlite);

public sealed class PostgresStatisticsFixture() : StatisticsFixture(DatabaseProvider.Postgres);
