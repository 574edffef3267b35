using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Testing;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certificates;

/// <summary>
/// Review and decision: the body assigns a reviewer who did not test or audit the application; the
/// reviewer records a conclusion; a decision maker who neither evaluated nor reviewed grants or
/// refuses. A grant issues the certificate in the same transaction.
/// </summary>
public sealed class DecisionCommands(CertaDbContext db, CertificateNumbers numbers, StatusListIndexes indexes, CertificateSigner signer, TimeProvider clock)
{
    public async Task<Application> AssignReviewerAsync(CommandContext who, Guid applicationId, Guid reviewerId, CancellationToken ct)
    {
        var application = await ApplicationAsync(applicationId, ct);
        who.Actor.Require(Permission.ApplicationsAccept, application.BodyId);
        await RequireBodyPersonAsync(application.BodyId, reviewerId, Role.Reviewer, "reviewer", ct);
        application.AssignReviewer(reviewerId);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return application;
    }

    public async Task<Application> ReviewAsync(CommandContext who, Guid applicationId, bool recommendGrant, string notes, CancellationToken ct)
    {
        var application = await ApplicationAsync(applicationId, ct);
        who.Actor.Require(Permission.ApplicationsReview, application.BodyId);
        application.RecordReview(Person(who), recommendGrant, notes, clock.GetUtcNow());
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return application;
    }

    /// <summary>Grants (issuing the certificate) or refuses. Returns the application and, for a grant, its certificate.</summary>
    // Only a grant draws a number, so only a grant is retried after losing a race for one.
    public Task<(Application Application, Certificate? Certificate)> DecideAsync(CommandContext who, Guid applicationId, bool grant, string? reason,
        CancellationToken ct) =>
        db.RetryAsync(() => DecideOnceAsync(who, applicationId, grant, reason, ct), ct, grant ? UniqueRaces.Attempts : 1);

    private async Task<(Application, Certificate?)> DecideOnceAsync(CommandContext who, Guid applicationId, bool grant, string? reason, CancellationToken ct)
    {
        var application = await ApplicationAsync(applicationId, ct);
        who.Actor.Require(Permission.ApplicationsDecide, application.BodyId);
        var now = clock.GetUtcNow();
        if (!grant)
        {
            application.RefuseAtDecision(Person(who), reason ?? string.Empty, now);
            await db.CommitAsync(who, now, ct);
            return (application, null);
        }

        application.Grant(Person(who), now);
        var certificate = await IssueAsync(application, now, ct);
        db.Add(certificate);
        await signer.SignAsync(certificate, now, ct);
        await db.CommitAsync(who, now, ct);
        return (application, certificate);
    }

    private async Task<Certificate> IssueAsync(Application application, DateTimeOffset now, CancellationToken ct)
    {
        var productType = await db.ProductTypes.AsNoTracking().FirstAsync(p => p.Id == application.ProductTypeId, ct);
        var scheme = await db.Schemes.AsNoTracking().FirstAsync(s => s.Id == application.SchemeId, ct);
        var body = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == application.BodyId, ct);
        var holder = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == application.ApplicantId, ct);
        var orders = await db.TestOrders.AsNoTracking().Where(o => o.ApplicationId == application.Id).ToListAsync(ct);
        // Every standard passed in a completed order counts, a failed order's passes too: its retest covers only what failed.
        var tested = orders.Where(o => o.State == TestOrderState.Completed).SelectMany(o => o.Results.Where(r => r.Passed).Select(r => r.Standard));
        var number = await numbers.NextAsync(application.SchemeId, body.RegistryId ?? body.Id, productType.Code, now.Year, ct);
        // The law caps CCC and CQC at five years; a scheme whose data give none gets the cap.
        var years = Math.Min(scheme.ValidityYears ?? 5, 5);
        // Organisations carry no address yet: a holder that is its own manufacturer has the manufacturer's.
        var address = holder.Name.En == application.Manufacturer.Name.En ? application.Manufacturer.Address : null;
        return Certificate.Issue(Guid.CreateVersion7(now), number, application, holder.Name, tested, years, now, address,
            await indexes.NextAsync(application.BodyId, ct));
    }

    private async Task RequireBodyPersonAsync(string bodyId, Guid personId, Role role, string field, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null || person.OrganisationId != bodyId || person.Status != PersonStatus.Active || !person.Roles.Contains(role))
        {
            throw DomainException.Invalid($"not-a-{field}", $"Person {personId} is not an active {role.Name().Replace('_', ' ')} of {bodyId}.", field);
        }
    }

    private static Guid Person(CommandContext who) =>
        who.Actor.PersonId ?? throw DomainException.Forbidden("person-required", "Reviews and decisions are made by people, signed in; not by API keys.");

    private async Task<Application> ApplicationAsync(Guid id, CancellationToken ct) =>
        await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw DomainException.NotFound("application-not-found", $"There is no application {id}.");
}
