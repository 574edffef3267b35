using System.Collections.Concurrent;
using System.Text;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.StatusLists;

namespace Certa.Web.Verification;

/// <summary>
/// The published status lists as the endpoint sends them (UTF-8 bytes, ETag, time), kept in memory: every verifier that
/// checks a credential fetches its body's lists, and reading a 16 KB row per request capped the endpoint at a few thousand
/// a second. An entry lives until a commit here or on another instance (<see cref="CertificateChanges.Generation"/>, ADR 020) and at most
/// <see cref="Lifetime"/>, so a list another instance published is served here within seconds; lists promise a minute.
/// Only lists that exist are kept, so unknown body names cannot fill it.
/// </summary>
public sealed class StatusListCache(TimeProvider clock, CertificateChanges changes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Body, StatusPurpose Purpose), Entry> entries = new();

    public async ValueTask<Entry?> GetAsync(string bodyId, StatusPurpose purpose, Func<Task<PublishedStatusList?>> load)
    {
        var generation = changes.Generation;
        var now = clock.GetUtcNow();
        if (entries.TryGetValue((bodyId, purpose), out var entry) && entry.Generation == generation && now < entry.Until)
        {
            return entry;
        }

        if (await load() is not { } list)
        {
            return null;
        }

        entry = new Entry(Encoding.UTF8.GetBytes(list.Json), list.ETag, list.PublishedAt, generation, now + Lifetime);
        entries[(bodyId, purpose)] = entry;
        return entry;
    }

    public sealed record Entry(byte[] Json, string ETag, DateTimeOffset PublishedAt, long Generation, DateTimeOffset Until);
}
