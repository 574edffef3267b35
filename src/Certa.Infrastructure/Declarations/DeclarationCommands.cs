using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Declarations;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Infrastructure.Certification;
using Certa.Infrastructure.Files;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Declarations;

/// <summary>What the declarant files: the product and the type-test report with its file.</summary>
public sealed record NewDeclaration(string ProductTypeId, ProductDetails Product, Party Manufacturer, Party Factory, string? LabId, string? LabName,
    string? ReportNumber, DateOnly? ReportIssuedOn, string ReportFileName, byte[] ReportContent);

/// <summary>
/// Self-declarations: an applicant files one for a catalogue product under self-declaration A or B and
/// gets a public filing record; it may withdraw it. One transaction per command, with its audit events.
/// </summary>
public sealed class DeclarationCommands(CertaDbContext db, CertificationData data, IFileStore files, TimeProvider clock)
{
    public async Task<Declaration> FileAsync(CommandContext who, NewDeclaration input, CancellationToken ct)
    {
        var actor = who.Actor;
        if (actor.OrganisationKind != OrganisationKind.Applicant || actor.OrganisationId is not { } declarant)
        {
            throw DomainException.Forbidden("not-an-applicant", "Only people of an applicant organisation (manufacturer, factory, importer) file declarations.");
        }

        actor.Require(Permission.DeclarationsFile, declarant);
        var productType = await db.ProductTypes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.ProductTypeId, ct)
            ?? throw DomainException.Invalid("unknown-product-type", $"'{input.ProductTypeId}' is not a product type in the registry.", "productType");
        var now = clock.GetUtcNow();
        var (labName, designated) = await LabAsync(input, productType, ct);
        var file = DocumentRules.Accept(input.ReportFileName, "type-test-report", input.ReportContent);
        var report = TypeTestReport.Of(input.LabId, labName, input.ReportNumber, input.ReportIssuedOn, file.Sha256, file.Name);
        var number = await NextNumberAsync(productType, now.Year, ct);
        var declaration = Declaration.File(Guid.CreateVersion7(now), number, declarant, productType, input.Product, input.Manufacturer, input.Factory,
            report, designated, now);
        db.Add(declaration);
        await files.PutAsync(input.ReportContent, ct);
        await db.CommitAsync(who, now, ct);
        return declaration;
    }

    public async Task<Declaration> WithdrawAsync(CommandContext who, Guid id, string reason, CancellationToken ct)
    {
        var declaration = await db.Set<Declaration>().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw NotFound(id.ToString());
        who.Actor.Require(Permission.DeclarationsFile, declaration.DeclarantId);
        declaration.Withdraw(reason, clock.GetUtcNow());
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return declaration;
    }

    public async Task<Declaration> ReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var declaration = await db.Set<Declaration>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw NotFound(id.ToString());
        actor.Require(Permission.DeclarationsRead, declaration.DeclarantId);
        return declaration;
    }

    public async Task<IReadOnlyList<Declaration>> ListAsync(Actor actor, CancellationToken ct)
    {
        var query = db.Set<Declaration>().AsNoTracking();
        if (actor.ReachOf(Permission.DeclarationsRead) != Reach.Any)
        {
            query = query.Where(d => d.DeclarantId == actor.OrganisationId);
        }

        return [.. (await query.ToListAsync(ct)).OrderByDescending(d => d.FiledAt)];
    }

    /// <summary>The public filing record by its number, for anyone.</summary>
    public async Task<Declaration> PublicAsync(string number, CancellationToken ct)
    {
        var trimmed = number?.Trim() ?? string.Empty;
        return await db.Set<Declaration>().AsNoTracking().FirstOrDefaultAsync(d => d.FilingNumber == trimmed, ct) ?? throw NotFound(trimmed);
    }

    public async Task<(TypeTestReport Report, Stream Content)> OpenReportAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var declaration = await ReadAsync(actor, id, ct);
        var content = await files.OpenAsync(declaration.Report.Sha256, ct)
            ?? throw new InvalidOperationException($"The report file {declaration.Report.Sha256} is missing from the file store.");
        return (declaration.Report, content);
    }

    /// <summary>The lab's name, and whether it is designated for the product type: a Certa laboratory linked to the registry, or a named lab of choice (A).</summary>
    private async Task<(string? Name, bool Designated)> LabAsync(NewDeclaration input, ProductType productType, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.LabId))
        {
            return (input.LabName, false);
        }

        var lab = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == input.LabId.Trim() && o.Kind == OrganisationKind.Laboratory, ct)
            ?? throw DomainException.Invalid("unknown-lab", $"'{input.LabId}' is not a laboratory in Certa.", "report.lab");
        return (lab.Name.En, await Testing.DesignatedLabs.IsDesignatedAsync(db, lab, productType, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));
    }

    private async Task<string> NextNumberAsync(ProductType productType, int year, CancellationToken ct)
    {
        var pattern = await data.DeclarationPatternAsync(db, productType.SchemeId, ct);
        var code = productType.Code is { Length: >= 4 } c ? c[..4] : productType.Code;
        var prefix = pattern.Prefix(string.Empty, code, year);
        var taken = await db.Set<Declaration>().AsNoTracking().Where(d => d.FilingNumber.StartsWith(prefix)).Select(d => d.FilingNumber).ToListAsync(ct);
        return pattern.Next(prefix, taken);
    }

    private static DomainException NotFound(string what) => DomainException.NotFound("declaration-not-found", $"There is no declaration {what}.");
}
