using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Certa.Infrastructure.Supervision.FollowUps;

/// <summary>What one supervision round did: how many certificates it read (those whose watch had come due), and the actions it applied or had to skip.</summary>
public sealed record SupervisionRoundResult(int Certificates, int Suspended, int Withdrawn, int Expired, int Skipped)
{
    public override string ToString() =>
        $"{Certificates} certificates due a look read: {Suspended} suspended, {Withdrawn} withdrawn, {Expired} expired, {Skipped} skipped";
}

/// <summary>
/// One round of automatic supervision at a moment: reads in batches the live certificates whose stored watch has come due, decides with
/// <see cref="SupervisionDecider"/> by the follow-up rules, and applies each action in its own transaction by Certa
/// itself (the system actor), so each is a certificate event and an audit entry naming its rule. Idempotent: an action
/// changes the state the next decision reads. An action another instance or a person got to first is skipped; a
/// conflicting write is skipped too and decided again in the next round.
/// </summary>
public sealed class SupervisionRound(IServiceScopeFactory scopes, FollowUpRules rules, Watches.CertificateWatchRebuild watches, TimeProvider clock,
    ILogger<SupervisionRound> log)
{
    /// <summary>Certificates read and decided per batch.</summary>
    public const int BatchSize = 500;

    /// <summary>A round at the app's clock's now.</summary>
    public Task<SupervisionRoundResult> RunAsync(CancellationToken ct) => RunAsync(clock.GetUtcNow(), ct);

    public async Task<SupervisionRoundResult> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        await watches.EnsureCurrentAsync(ct);
        var who = new CommandContext(Actor.System, $"supervision-{now.UtcDateTime:yyyyMMddHHmmss}");
        var (read, suspended, withdrawn, expired, skipped) = (0, 0, 0, 0, 0);
        Guid? after = null;
        while (true)
        {
            var (batch, decisions) = await DecideBatchAsync(after, now, ct);
            if (batch.Count == 0)
            {
                break;
            }

            read += batch.Count;
            after = batch[^1];
            foreach (var decision in decisions)
            {
                if (!await ApplyAsync(who, decision, now, ct))
                {
                    skipped++;
                    continue;
                }

                switch (decision.Action)
                {
                    case SupervisionAction.Suspend:
                        suspended++;
                        break;
                    case SupervisionAction.Withdraw:
                        withdrawn++;
                        break;
                    case SupervisionAction.Expire:
                        expired++;
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown supervision action {decision.Action}.");
                }
            }
        }

        return new SupervisionRoundResult(read, suspended, withdrawn, expired, skipped);
    }

    private async Task<(IReadOnlyList<Guid> Ids, IReadOnlyList<SupervisionDecision> Decisions)> DecideBatchAsync(Guid? after, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        // Only the certificates whose watch says the round may act on them by today: the rest of the registry has nothing due.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var watched = db.CertificateWatches.AsNoTracking().Where(w => w.ActsFrom <= today);
        if (after is { } last)
        {
            watched = watched.Where(w => w.CertificateId.CompareTo(last) > 0);
        }

        var ids = await watched.OrderBy(w => w.CertificateId).Select(w => w.CertificateId).Take(BatchSize).ToListAsync(ct);
        var batch = await db.Certificates.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && (c.State == CertificateState.Active || c.State == CertificateState.Suspended)).ToListAsync(ct);
        var supervised = await scope.ServiceProvider.GetRequiredService<SupervisedCertificates>().ForAsync(batch, ct);
        return (ids, SupervisionDecider.DecideAll(rules, supervised, now));
    }

    /// <summary>Decides again on the certificate as it is now, in a context of its own, and applies the action if it still stands.</summary>
    private async Task<bool> ApplyAsync(CommandContext who, SupervisionDecision decision, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var certificate = await db.Certificates.FirstAsync(c => c.Number == decision.CertificateNumber, ct);
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.CertificateId == certificate.Id).ToListAsync(ct);
        var current = SupervisionDecider.Decide(rules.For(certificate.SchemeId), SupervisedCertificates.Of(certificate, inspections), now);
        if (current is null || current.Action != decision.Action)
        {
            return false;
        }

        try
        {
            current.ApplyTo(certificate, now);
            await db.CommitAsync(who, now, ct);
            log.LogInformation("Supervision: {Action} certificate {Number} by rule {Rule}.", current.Action, current.CertificateNumber, current.RuleId);
            return true;
        }
        catch (DbUpdateException e)
        {
            log.LogWarning(e, "Supervision: certificate {Number} changed while {Action} was applied; the next round decides again.", current.CertificateNumber, current.Action);
            return false;
        }
        catch (DomainException e)
        {
            log.LogError(e, "Supervision: certificate {Number} refused {Action} by rule {Rule}: {Reason}", current.CertificateNumber, current.Action, current.RuleId, e.Message);
            return false;
        }
    }
}
