using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certificates;

/// <summary>
/// Gives a new certificate its place in the body's revocation and suspension lists, and a new credential version
/// its place in the body's message list: one past the highest taken. Two issues racing for one place meet the
/// unique index (body, index), and the issuing command retries.
/// </summary>
public sealed class StatusListIndexes(CertaDbContext db)
{
    public async Task<int> NextAsync(string bodyId, CancellationToken ct)
    {
        var stored = await db.Certificates.AsNoTracking().Where(c => c.BodyId == bodyId).MaxAsync(c => (int?)c.StatusListIndex, ct) ?? -1;
        var pending = db.Certificates.Local.Where(c => c.BodyId == bodyId).Select(c => (int?)c.StatusListIndex).Max() ?? -1;
        return Math.Max(stored, pending) + 1;
    }

    public async Task<int> NextMessageAsync(string bodyId, CancellationToken ct)
    {
        var stored = await db.IssuedCredentials.AsNoTracking().Where(c => c.BodyId == bodyId).MaxAsync(c => (int?)c.MessageListIndex, ct) ?? -1;
        var pending = db.IssuedCredentials.Local.Where(c => c.BodyId == bodyId).Select(c => (int?)c.MessageListIndex).Max() ?? -1;
        return Math.Max(stored, pending) + 1;
    }
}
