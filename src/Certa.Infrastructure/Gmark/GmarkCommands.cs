using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Gmark;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Certification;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Gmark;

/// <summary>
/// What a notified body registers for a G-mark e-certificate: the holder (a Certa applicant organisation), the
/// catalogue product type of a scheme with GCTS rules, the product, HS code, parties, target countries, standards
/// (the product type's when none are given), the toys' age grading and the validity asked for.
/// </summary>
public sealed record NewGmarkRegistration(string? Holder, string? ProductType, ProductDetails Product, string? HsCode, Party Manufacturer, Party Factory,
    IReadOnlyList<string> TargetCountries, IReadOnlyList<string> Standards, string? AgeGrading, int ValidityYears, string? InternalReference);

/// <summary>
/// The G-mark e-certificate flow: a notified body registers a product and gets its GCTS code, corrects and submits
/// it; an officer of the scheme's authority (GSO) approves or rejects it; the body activates the approved one, which
/// issues the e-certificate numbered with the GCTS code, signed in the same transaction.
/// </summary>
public sealed class GmarkCommands(CertaDbContext db, CertificationData data, StatusListIndexes indexes, CertificateSigner signer, TimeProvider clock)
{
    public Task<GmarkRegistration> RegisterAsync(CommandContext who, NewGmarkRegistration input, CancellationToken ct) =>
        db.RetryAsync(async () =>
        {
            var body = await NotifiedBodyAsync(who.Actor, ct);
            var (details, terms, rules) = await DetailsAsync(input, ct);
            var holder = await HolderAsync(input.Holder, ct);
            var now = clock.GetUtcNow();
            var code = (await NextCodesAsync(rules.NotifiedBodyNumber(body.RegistryId ?? body.Id), now.Year, 1, ct))[0];
            var registration = GmarkRegistration.Register(Guid.CreateVersion7(now), code, body.Id, holder, rules.SchemeId, details, terms, who.Actor.AuditName, now);
            db.GmarkRegistrations.Add(registration);
            await db.CommitAsync(who, now, ct);
            return registration;
        }, ct);

    public async Task<GmarkRegistration> CorrectAsync(CommandContext who, Guid id, NewGmarkRegistration input, CancellationToken ct)
    {
        var registration = await LoadAsync(id, ct);
        who.Actor.Require(Permission.GmarkRegister, registration.BodyId);
        var (details, terms, _) = await DetailsAsync(input, ct);
        var now = clock.GetUtcNow();
        registration.Correct(details, terms, who.Actor.AuditName, now);
        await db.CommitAsync(who, now, ct);
        return registration;
    }

    public Task<GmarkRegistration> SubmitAsync(CommandContext who, Guid id, CancellationToken ct) =>
        AsBodyAsync(who, id, (r, now) => r.Submit(who.Actor.AuditName, now), ct);

    public Task<GmarkRegistration> RejectAsync(CommandContext who, Guid id, string reason, CancellationToken ct) =>
        AsAuthorityAsync(who, id, (r, officer, scheme, now) => r.Reject(reason, officer, scheme, who.Actor.AuditName, now), ct);

    public Task<GmarkRegistration> ApproveAsync(CommandContext who, Guid id, CancellationToken ct) =>
        AsAuthorityAsync(who, id, (r, officer, scheme, now) => r.Approve(officer, scheme, who.Actor.AuditName, now), ct);

    /// <summary>Activates an approved registration: issues its e-certificate (number = GCTS code) and signs it, in one transaction.</summary>
    public Task<GmarkRegistration> ActivateAsync(CommandContext who, Guid id, CancellationToken ct) =>
        db.RetryAsync(async () =>
        {
            var registration = await LoadAsync(id, ct);
            who.Actor.Require(Permission.GmarkRegister, registration.BodyId);
            var holder = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == registration.HolderId, ct);
            var now = clock.GetUtcNow();
            var certificate = Certificate.IssueRegistered(Guid.CreateVersion7(now), registration.Gcts,
                registration.CertificateContent(holder.Name, LocalizedText.Empty), registration.Details.ValidityYears, now,
                await indexes.NextAsync(registration.BodyId, ct), $"gmark:{registration.Gcts}");
            registration.Activate(certificate, who.Actor.AuditName, now);
            db.Certificates.Add(certificate);
            await signer.SignAsync(certificate, now, ct);
            await db.CommitAsync(who, now, ct);
            return registration;
        }, ct);

    /// <summary>One registration, for its body, its holder and any authority officer.</summary>
    public async Task<GmarkRegistration> ReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var registration = await db.GmarkRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw NotFound(id);
        if (!actor.May(Permission.GmarkRead, registration.HolderId))
        {
            actor.Require(Permission.GmarkRead, registration.BodyId);
        }

        return registration;
    }

    /// <summary>The registrations the actor may see, newest first: a body's and a holder's own, every one for an authority officer.</summary>
    public async Task<IReadOnlyList<GmarkRegistration>> ListAsync(Actor actor, GmarkState? state, CancellationToken ct)
    {
        var query = db.GmarkRegistrations.AsNoTracking();
        if (actor.ReachOf(Permission.GmarkRead) != Reach.Any)
        {
            query = query.Where(r => r.BodyId == actor.OrganisationId || r.HolderId == actor.OrganisationId);
        }

        if (state is { } wanted)
        {
            query = query.Where(r => r.State == wanted);
        }

        return [.. (await query.ToListAsync(ct)).OrderByDescending(r => r.RegisteredAt).ThenByDescending(r => r.Gcts, StringComparer.Ordinal)];
    }

    /// <summary>The product types a registration may name: those of schemes with GCTS rules.</summary>
    public async Task<IReadOnlyList<Domain.Registry.ProductType>> ProductTypesAsync(CancellationToken ct)
    {
        var schemes = (await data.GetAsync(db, ct)).Gcts.Keys.ToList();
        return [.. (await db.ProductTypes.AsNoTracking().Where(p => schemes.Contains(p.SchemeId)).ToListAsync(ct)).OrderBy(p => p.No)];
    }

    /// <summary>The certification body the actor registers for, with the permission to do so.</summary>
    internal async Task<Organisation> NotifiedBodyAsync(Actor actor, CancellationToken ct)
    {
        if (actor.OrganisationKind != OrganisationKind.CertificationBody || actor.OrganisationId is not { } bodyId)
        {
            throw DomainException.Forbidden("not-a-notified-body", "Only people of a certification body that is a GSO notified body register G-mark products.");
        }

        actor.Require(Permission.GmarkRegister, bodyId);
        return await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == bodyId, ct);
    }

    /// <summary>The checked details of <paramref name="input"/>, the regulation's terms and the scheme's rules.</summary>
    internal async Task<(GmarkDetails Details, GctsTerms Terms, GctsRules Rules)> DetailsAsync(NewGmarkRegistration input, CancellationToken ct)
    {
        var id = input.ProductType?.Trim() ?? string.Empty;
        var productType = await db.ProductTypes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw DomainException.Invalid("unknown-product-type", $"'{id}' is not a product type in the registry.", "productType");
        if (!(await data.GetAsync(db, ct)).Gcts.TryGetValue(productType.SchemeId, out var rules))
        {
            throw DomainException.Invalid("not-a-gmark-product-type",
                $"{productType.Name.En} ({productType.Id}) is of scheme {productType.SchemeId}, which has no GCTS rules: it is not registered for a G-mark.", "productType");
        }

        var terms = rules.TermsFor(productType.RuleId);
        var standards = input.Standards.Count > 0 ? input.Standards : [.. productType.StandardFamilies];
        var details = GmarkDetails.Of(productType.Id, terms.Regulation, input.Product, input.HsCode, input.Manufacturer, input.Factory,
            input.TargetCountries, standards, input.AgeGrading, input.ValidityYears, input.InternalReference).CheckedAgainst(terms);
        return (details, terms, rules);
    }

    /// <summary>The holder: an applicant organisation in Certa.</summary>
    internal async Task<string> HolderAsync(string? holder, CancellationToken ct)
    {
        var id = holder?.Trim() ?? string.Empty;
        return await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == id && o.Kind == OrganisationKind.Applicant, ct)
            ? id
            : throw DomainException.Invalid("unknown-holder", $"'{id}' is not an applicant organisation in Certa; the e-certificate's holder must be one.", "holder");
    }

    /// <summary>The next <paramref name="count"/> GCTS codes of a body's year; the unique index refuses a code taken meanwhile.</summary>
    internal async Task<IReadOnlyList<GctsCode>> NextCodesAsync(string notifiedBody, int year, int count, CancellationToken ct)
    {
        var prefix = GctsCode.Prefix(notifiedBody, year);
        var taken = await db.GmarkRegistrations.AsNoTracking().Where(r => r.Gcts.StartsWith(prefix)).Select(r => r.Gcts).ToListAsync(ct);
        var last = taken.Select(GctsCode.Parse).Select(c => c.Sequence).DefaultIfEmpty(0).Max();
        return [.. Enumerable.Range(last + 1, count).Select(s => GctsCode.Create(notifiedBody, year, s))];
    }

    private async Task<GmarkRegistration> AsBodyAsync(CommandContext who, Guid id, Action<GmarkRegistration, DateTimeOffset> change, CancellationToken ct)
    {
        var registration = await LoadAsync(id, ct);
        who.Actor.Require(Permission.GmarkRegister, registration.BodyId);
        var now = clock.GetUtcNow();
        change(registration, now);
        await db.CommitAsync(who, now, ct);
        return registration;
    }

    /// <summary>A decision by an authority officer; the domain refuses one whose authority is not the scheme's (a CNCA officer for a GSO scheme).</summary>
    /// <summary>Whether <paramref name="actor"/> approves and rejects the scheme's registrations: an officer of the scheme's own authority (GSO).</summary>
    public async Task<bool> DecidesForAsync(Actor actor, string schemeId, CancellationToken ct) =>
        actor.ReachOf(Permission.GmarkApprove) != Reach.None
        && (actor.Kind is ActorKind.CommandLine or ActorKind.System
            || string.Equals(await AuthorityOfAsync(actor, ct), await SchemeAuthorityAsync(schemeId, ct), StringComparison.OrdinalIgnoreCase));

    private async Task<string> SchemeAuthorityAsync(string schemeId, CancellationToken ct) =>
        await db.Schemes.AsNoTracking().Where(s => s.Id == schemeId).Select(s => s.AuthorityId).FirstAsync(ct);

    private async Task<string> AuthorityOfAsync(Actor actor, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).Select(o => o.RegistryId ?? o.Id).FirstOrDefaultAsync(ct) ?? "(none)";

    private async Task<GmarkRegistration> AsAuthorityAsync(CommandContext who, Guid id, Action<GmarkRegistration, string, string, DateTimeOffset> decide,
        CancellationToken ct)
    {
        var registration = await LoadAsync(id, ct);
        var actor = who.Actor;
        actor.Require(Permission.GmarkApprove, registration.BodyId);
        var schemeAuthority = await SchemeAuthorityAsync(registration.SchemeId, ct);
        var officerAuthority = actor.Kind is ActorKind.CommandLine or ActorKind.System ? schemeAuthority : await AuthorityOfAsync(actor, ct);
        var now = clock.GetUtcNow();
        decide(registration, officerAuthority, schemeAuthority, now);
        await db.CommitAsync(who, now, ct);
        return registration;
    }

    private async Task<GmarkRegistration> LoadAsync(Guid id, CancellationToken ct) =>
        await db.GmarkRegistrations.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw NotFound(id);

    private static DomainException NotFound(Guid id) => DomainException.NotFound("gmark-registration-not-found", $"There is no G-mark registration {id}.");
}
