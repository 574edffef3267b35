using Certa.Infrastructure.Cluster;
using Certa.Infrastructure.Persistence;
using Certa.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Cluster;

/// <summary>
/// Instances that start at the same moment on an empty key table: left alone each would make its own Data Protection key and
/// refuse the others' cookies; Certa makes one, under an advisory lock, and all of them protect with it.
/// </summary>
[Collection("postgres")]
public sealed class SharedKeyRingTests
{
    private const int Instances = 4;

    [Fact]
    public async Task InstancesStartingTogether_MakeOneKey_AndReadEachOthersPayloads()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var providers = Enumerable.Range(0, Instances).Select(_ => Instance(database.Options())).ToList();
        try
        {
            await using (var scope = providers[0].CreateAsyncScope())
            {
                await DatabaseMaintenance.MigrateAsync(scope.ServiceProvider.GetRequiredService<CertaDbContext>(), default);
            }

            using var start = new Barrier(Instances);
            var defaults = await Task.WhenAll(providers.Select(p => Task.Run(() =>
            {
                var ring = p.GetRequiredService<IKeyRingProvider>();
                start.SignalAndWait();
                return ring.GetCurrentKeyRing().DefaultKeyId;
            })));

            defaults.Distinct().Count().ShouldBe(1, "every instance protects with the same key");
            await using (var scope = providers[0].CreateAsyncScope())
            {
                (await scope.ServiceProvider.GetRequiredService<CertaDbContext>().DataProtectionKeys.CountAsync()).ShouldBe(1);
            }

            var cookie = providers[1].GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("signed in");
            providers[Instances - 1].GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(cookie).ShouldBe("signed in");
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    private static ServiceProvider Instance(DatabaseOptions options)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCertaDatabase(options);
        services.AddCertaDataProtection(options);
        return services.BuildServiceProvider();
    }
}
