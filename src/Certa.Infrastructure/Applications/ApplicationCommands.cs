using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Infrastructure.Files;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Applications;

/// <summary>What an applicant gives to start an application.</summary>
public sealed record NewApplication(string BodyId, string SchemeId, string ProductTypeId, ProductDetails Product, Party Manufacturer, Party Factory,
    string? ReuseCertificate = null);

/// <summary>
/// The application's commands: the applicant drafts, attaches documents, submits or withdraws; the
/// body accepts, returns or refuses. Each loads the aggregate, checks the actor's part in it, calls
/// the domain method and commits with the audit events.
/// </summary>
public sealed class ApplicationCommands(CertaDbContext db, SchemeProcedures procedures, IFileStore files, TimeProvider clock)
{
    public async Task<Application> DraftAsync(CommandContext who, NewApplication input, CancellationToken ct)
    {
        var actor = who.Actor;
        if (actor.OrganisationKind != OrganisationKind.Applicant || actor.OrganisationId is not { } applicant)
        {
            throw DomainException.Forbidden("not-an-applicant", "Only people of an applicant organisation (manufacturer, factory, importer) apply.");
        }

        actor.Require(Permission.ApplicationsDraft, applicant);
        var body = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == input.BodyId && o.Kind == OrganisationKind.CertificationBody, ct)
            ?? throw DomainException.Invalid("unknown-body", $"'{input.BodyId}' is not a certification body in Certa.", "body");
        var productType = await db.ProductTypes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.ProductTypeId, ct)
            ?? throw DomainException.Invalid("unknown-product-type", $"'{input.ProductTypeId}' is not a product type in the registry.", "productType");
        if (productType.SchemeId != input.SchemeId)
        {
            throw DomainException.Invalid("product-type-not-in-scheme",
                $"Product type '{productType.Id}' belongs to scheme '{productType.SchemeId}', not '{input.SchemeId}'.", "productType");
        }

        var registryBody = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == body.RegistryId, ct);
        if (registryBody is null || !registryBody.IsDesignatedFor(productType, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            throw DomainException.Invalid("body-not-designated",
                $"{body.Name.En} is not designated for {productType.Id} ({productType.Name.En}) in the registry.", "body");
        }

        var documents = (await procedures.ForAsync(productType, ct)).Documents;
        var reuse = string.IsNullOrWhiteSpace(input.ReuseCertificate)
            ? null
            : await CertificateReuseCheck.CheckAsync(db, input.ReuseCertificate, applicant, productType, input.Product, input.Factory, clock.GetUtcNow(), ct);
        var application = Application.Draft(Guid.CreateVersion7(clock.GetUtcNow()), applicant, body.Id, input.SchemeId, productType.Id,
            input.Product, input.Manufacturer, input.Factory, documents, clock.GetUtcNow(), reuse);
        db.Applications.Add(application);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return application;
    }

    /// <summary>
    /// Checks the file, attaches it, then stores it and commits. A refused upload (empty, too big, not
    /// a PDF/PNG/JPEG, not a document this application needs, not editable now) stores nothing.
    /// </summary>
    public async Task<Application> AttachDocumentAsync(CommandContext who, Guid id, string documentId, string fileName, byte[] content, CancellationToken ct)
    {
        var application = await ForApplicantAsync(who, id, ct);
        var file = DocumentRules.Accept(fileName, documentId, content);
        application.AttachDocument(new AttachedDocument(documentId, file.Sha256, file.Name, content.LongLength, clock.GetUtcNow()));
        await files.PutAsync(content, ct);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return application;
    }

    /// <summary>A document's record and content, for someone who may see the application.</summary>
    public async Task<(AttachedDocument Document, Stream Content)> OpenDocumentAsync(Actor actor, Guid id, string documentId, CancellationToken ct)
    {
        var application = await LoadAsync(id, ct);
        ApplicationAccess.RequireParty(actor, Permission.ApplicationsRead, application);
        var document = application.Documents.FirstOrDefault(d => d.DocumentId == documentId)
            ?? throw DomainException.NotFound("document-not-found", $"Application {id} has no '{documentId}' document.");
        var content = await files.OpenAsync(document.Sha256, ct)
            ?? throw new InvalidOperationException($"The stored file {document.Sha256} of application {id} is missing from the file store.");
        return (document, content);
    }

    public Task<Application> SubmitAsync(CommandContext who, Guid id, CancellationToken ct) =>
        ApplicantAsync(who, id, a => a.Submit(clock.GetUtcNow()), ct);

    /// <summary>Withdraws the application and cancels its open test orders and factory audit in the same transaction.</summary>
    public async Task<Application> WithdrawAsync(CommandContext who, Guid id, string reason, CancellationToken ct)
    {
        var application = await ForApplicantAsync(who, id, ct);
        var now = clock.GetUtcNow();
        application.Withdraw(reason, now);
        await Testing.OpenTestOrders.CancelOpenAsync(db.TestOrders, id, $"application withdrawn: {application.Reason}", now, ct);
        await Audits.OpenFactoryAudits.CancelOpenAsync(db.Set<Domain.Audits.FactoryAudit>(), id, $"application withdrawn: {application.Reason}", now, ct);
        await db.CommitAsync(who, now, ct);
        return application;
    }

    public Task<Application> AcceptAsync(CommandContext who, Guid id, CancellationToken ct) =>
        BodyAsync(who, id, a => a.Accept(clock.GetUtcNow()), ct);

    public Task<Application> ReturnAsync(CommandContext who, Guid id, string reason, CancellationToken ct) =>
        BodyAsync(who, id, a => a.ReturnForCompletion(reason, clock.GetUtcNow()), ct);

    public Task<Application> RefuseAsync(CommandContext who, Guid id, string reason, CancellationToken ct) =>
        BodyAsync(who, id, a => a.RefuseAtAcceptance(reason, clock.GetUtcNow()), ct);

    private async Task<Application> ApplicantAsync(CommandContext who, Guid id, Action<Application> change, CancellationToken ct)
    {
        var application = await ForApplicantAsync(who, id, ct);
        change(application);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return application;
    }

    private async Task<Application> BodyAsync(CommandContext who, Guid id, Action<Application> change, CancellationToken ct)
    {
        var application = await LoadAsync(id, ct);
        who.Actor.Require(Permission.ApplicationsAccept, application.BodyId);
        change(application);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return application;
    }

    private async Task<Application> ForApplicantAsync(CommandContext who, Guid id, CancellationToken ct)
    {
        var application = await LoadAsync(id, ct);
        who.Actor.Require(Permission.ApplicationsDraft, application.ApplicantId);
        return application;
    }

    private async Task<Application> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw DomainException.NotFound("application-not-found", $"There is no application {id}.");
}
