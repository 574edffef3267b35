using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certificates;

/// <summary>
/// A certificate's life after issue: suspend, restore, withdraw and cancel change its state; renew, change
/// and extend make new content, which is signed as a new credential in the same transaction.
/// </summary>
public sealed class CertificateCommands(CertaDbContext db, CertificateNumbers numbers, StatusListIndexes indexes, CertificateSigner signer,
    TimeProvider clock)
{
    public Task<Certificate> SuspendAsync(CommandContext who, Guid id, string reason, DateOnly deadline, CancellationToken ct) =>
        ManageAsync(who, id, (c, now) => c.Suspend(reason, deadline, now), ct);

    public Task<Certificate> RestoreAsync(CommandContext who, Guid id, string? reason, CancellationToken ct) =>
        ManageAsync(who, id, (c, now) => c.Restore(reason, now), ct);

    public Task<Certificate> WithdrawAsync(CommandContext who, Guid id, string reason, CancellationToken ct) =>
        ManageAsync(who, id, (c, now) => c.Withdraw(reason, now), ct);

    /// <summary>Cancels at the holder's request, by the holder.</summary>
    public async Task<Certificate> CancelAsync(CommandContext who, Guid id, string reason, CancellationToken ct)
    {
        var certificate = await LoadAsync(id, ct);
        who.Actor.Require(Permission.CertificatesCancel, certificate.HolderId);
        var now = clock.GetUtcNow();
        certificate.Cancel(reason, now);
        await db.CommitAsync(who, now, ct);
        return certificate;
    }

    public Task<Certificate> ChangeHolderAsync(CommandContext who, Guid id, LocalizedText name, LocalizedText address, string reason, CancellationToken ct) =>
        ManageAsync(who, id, (c, now) => c.ChangeHolder(name, address, reason, now), ct, sign: true);

    public Task<Certificate> ExtendAsync(CommandContext who, Guid id, IReadOnlyList<SeriesModel> models, string reason, CancellationToken ct) =>
        ManageAsync(who, id, (c, now) => c.ExtendModels(models, reason, now), ct, sign: true);

    /// <summary>Renews: a new certificate with the next number and a fresh validity, signed; the old one is superseded.</summary>
    public Task<Certificate> RenewAsync(CommandContext who, Guid id, CancellationToken ct) => db.RetryAsync(() => RenewOnceAsync(who, id, ct), ct);

    /// <summary>Expires every certificate whose last valid day has passed; Certa runs this by itself.</summary>
    public async Task<int> ExpireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = await db.Certificates
            .Where(c => (c.State == CertificateState.Active || c.State == CertificateState.Suspended) && c.ValidUntil < today)
            .OrderBy(c => c.ValidUntil).Take(500).ToListAsync(ct);
        foreach (var certificate in due)
        {
            certificate.Expire(now);
        }

        if (due.Count > 0)
        {
            await db.CommitAsync(new CommandContext(Actor.System, $"expiry-{now:yyyyMMddHHmmss}"), now, ct);
        }

        return due.Count;
    }

    private async Task<Certificate> RenewOnceAsync(CommandContext who, Guid id, CancellationToken ct)
    {
        var certificate = await LoadAsync(id, ct);
        who.Actor.Require(Permission.CertificatesManage, certificate.BodyId);
        var now = clock.GetUtcNow();
        var scheme = await db.Schemes.AsNoTracking().FirstAsync(s => s.Id == certificate.SchemeId, ct);
        var productCode = await db.ProductTypes.AsNoTracking().Where(p => p.Id == certificate.ProductTypeId).Select(p => p.Code).FirstOrDefaultAsync(ct);
        var body = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == certificate.BodyId, ct);
        var number = await numbers.NextAsync(certificate.SchemeId, body.RegistryId ?? body.Id, productCode, now.Year, ct);
        var renewal = certificate.Renew(Guid.CreateVersion7(now), number, Math.Min(scheme.ValidityYears ?? 5, 5), now,
            await indexes.NextAsync(certificate.BodyId, ct));
        db.Certificates.Add(renewal);
        await signer.SignAsync(renewal, now, ct);
        await db.CommitAsync(who, now, ct);
        return renewal;
    }

    private async Task<Certificate> ManageAsync(CommandContext who, Guid id, Action<Certificate, DateTimeOffset> change, CancellationToken ct, bool sign = false)
    {
        var certificate = await LoadAsync(id, ct);
        who.Actor.Require(Permission.CertificatesManage, certificate.BodyId);
        var now = clock.GetUtcNow();
        change(certificate, now);
        if (sign)
        {
            await signer.SignAsync(certificate, now, ct);
        }

        await db.CommitAsync(who, now, ct);
        return certificate;
    }

    private async Task<Certificate> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Certificates.FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw DomainException.NotFound("certificate-not-found", $"There is no certificate {id}.");
}
