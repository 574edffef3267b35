using Certa.Infrastructure.Persistence;
using Certa.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Fixtures;

internal static class Rows
{
    /// <summary>Reads the running app's database in a unit of work of its own: how a test counts what requests wrote.</summary>
    public static async Task<T> QueryAsync<T>(this CertaTestApp app, Func<CertaDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CertaDbContext>());
    }
}
