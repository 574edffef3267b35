using Certa.Domain.Registry;
using Certa.Infrastructure.Persistence;
using Certa.Requirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure.Advisor;

/// <summary>
/// Hands out the <see cref="Certa.Requirements.Evaluation.Advisor"/> for the data currently in the
/// database. It is built once per import (keyed by the import's fingerprint) and shared; every
/// instance behind a load balancer builds the same one from the same rows.
/// </summary>
public sealed class AdvisorService(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Current? current;

    public async Task<Requirements.Evaluation.Advisor> GetAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var fingerprint = await db.RegistryImports.AsNoTracking().OrderByDescending(i => i.Id).Select(i => i.Fingerprint).FirstOrDefaultAsync(ct)
            ?? throw new AdvisorUnavailableException("The reference data have not been imported yet: run 'certa import'.");
        if (current is { } cached && cached.Fingerprint == fingerprint)
        {
            return cached.Advisor;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Fingerprint == fingerprint)
            {
                return again.Advisor;
            }

            var snapshot = await LoadAsync(db, ct);
            var definitions = AdvisorDataReader.Read(snapshot)
                ?? throw new AdvisorUnavailableException("The imported data hold no market-access rules (data/requirements).");
            var advisor = new Requirements.Evaluation.Advisor(new AdvisorKnowledge(definitions, snapshot, fingerprint));
            current = new Current(fingerprint, advisor);
            return advisor;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private static async Task<RegistrySnapshot> LoadAsync(CertaDbContext db, CancellationToken ct) =>
        new(
            await db.Authorities.AsNoTracking().ToListAsync(ct),
            await db.Schemes.AsNoTracking().ToListAsync(ct),
            await db.Rules.AsNoTracking().ToListAsync(ct),
            await db.Standards.AsNoTracking().ToListAsync(ct),
            await db.Categories.AsNoTracking().ToListAsync(ct),
            await db.ProductTypes.AsNoTracking().ToListAsync(ct),
            await db.CatalogueChanges.AsNoTracking().ToListAsync(ct),
            await db.Bodies.AsNoTracking().ToListAsync(ct))
        {
            AdvisorFiles = [.. (await db.ReferenceFiles.AsNoTracking().OrderBy(f => f.Path).ToListAsync(ct)).Select(f => new SourceFile(f.Path, f.Text))],
        };

    private sealed record Current(string Fingerprint, Requirements.Evaluation.Advisor Advisor);
}

/// <summary>The advisor cannot answer because its data are missing; the message says what to run.</summary>
public sealed class AdvisorUnavailableException(string message) : Exception(message);
