using Certa.Domain.Registry;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Testing;

/// <summary>
/// Changes the registry as an edited <c>data/</c> would: the repository's reference data read again, changed, and imported
/// through <see cref="RegistryImporter"/>, as <c>certa import</c> does.
/// </summary>
public static class RegistrySeed
{
    /// <summary>Gives <paramref name="bodyId"/> exactly <paramref name="designations"/>, in their text form (<c>ccc@..2024-06-30</c>).</summary>
    public static async Task DesignateAsync(IServiceProvider services, string bodyId, params string[] designations)
    {
        var snapshot = ReferenceDataReader.Read(CertaTestApp.RepositoryDataDirectory);
        var body = snapshot.Bodies.FirstOrDefault(b => b.Id == bodyId)
            ?? throw new InvalidOperationException($"The repository's data have no body or lab {bodyId}.");
        var designated = new RegistryBody(body.Id, body.Kind, body.Abbr, body.Name, body.Country, body.City, body.ForeignInvested,
            body.GsoNotifiedBodyNumber, designations.Select(Designation.Parse), body.Provenance);
        await using var scope = services.CreateAsyncScope();
        await new RegistryImporter(scope.ServiceProvider.GetRequiredService<CertaDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>())
            .ImportAsync(snapshot with { Bodies = [.. snapshot.Bodies.Select(b => b.Id == bodyId ? designated : b)] }, dryRun: false, CancellationToken.None);
    }
}
