using Certa.Infrastructure.Persistence;
using Certa.Testing;

namespace Certa.Integration.Tests.Fixtures;

/// <summary>One running Certa with the repository's data per test class, on the provider the subclass names.</summary>
public abstract class AppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public CertaTestApp App { get; private set; } = null!;

    public DatabaseProvider Provider { get; } = provider;

    public async Task InitializeAsync() => App = await CertaTestApp.StartAsync(Provider);

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteAppFixture() : AppFixture(DatabaseProvider.Sqlite);

public sealed class PostgresAppFixture() : AppFixture(DatabaseProvider.Postgres);

/// <summary>One running Certa with the registry and the demo world (data/demo/world.yaml) per test class.</summary>
public abstract class DemoAppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public CertaTestApp App { get; private set; } = null!;

    public DatabaseProvider Provider { get; } = provider;

    public async Task InitializeAsync() => App = await CertaTestApp.StartAsync(Provider, demo: true);

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteDemoAppFixture() : DemoAppFixture(DatabaseProvider.Sqlite);

public sealed class PostgresDemoAppFixture() : DemoAppFixture(DatabaseProvider.Postgres);
