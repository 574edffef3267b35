using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Audits;
using Certa.Domain.Supervision.FollowUps;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Supervision;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Demo;

/// <summary>A certificate the demo offers to verify: its number, its state and what it certifies.</summary>
public sealed record DemoCertificate(string Number, CertificateState State, string Product, string MainModel);

/// <summary>Whether seeding issued the demo certificates just now, and the certificates to try.</summary>
public sealed record DemoCertificateSeeding(bool Created, IReadOnlyList<DemoCertificate> Certificates);

/// <summary>
/// Issues the demo certificates of <c>data/demo/certificates.yaml</c> with their history: each issue and each event at
/// its own time in the past, through the certificate's own methods, committed one step at a time in time order across
/// all certificates, so the audit trail (and the transparency log that follows it) tells the story as it happened.
/// Credentials are signed now: the body's key is made now, and a signature dated before its key would not verify.
/// The file is checked every time; the certificates are issued once: a database that holds any certificate is left alone.
/// </summary>
public sealed class DemoCertificates(CertaDbContext db, CertificateNumbers numbers, StatusListIndexes indexes, CertificateSigner signer, BodyKeys keys)
{
    public const string FileName = "demo/certificates.yaml";

    private const int ListedAtMost = 20;

    private const int FollowUpDaysEarly = 14;

    public async Task<DemoCertificateSeeding> SeedAsync(string dataDirectory, CommandContext who, DateTimeOffset now, CancellationToken ct)
    {
        var file = DemoCertificatesFile.Read(Path.Combine(dataDirectory, FileName));
        var stories = new List<Story>();
        foreach (var entry in file.Certificates)
        {
            stories.Add(await PlanAsync(entry, stories, ct));
        }

        var holders = file.Certificates.Select(c => c.Holder).Distinct().ToList();
        if (await db.Certificates.AnyAsync(ct))
        {
            return new DemoCertificateSeeding(false, await ListAsync(holders, ct));
        }

        var followUpRules = FollowUpRulesFile.Load(dataDirectory);
        var steps = stories
            .SelectMany(s => s.Entry.Events.Select((e, i) => new Step(s, now.AddDays(-e.DaysAgo), e, i)).Prepend(new Step(s, now.AddDays(-s.Entry.IssuedDaysAgo), null, -1)))
            .Concat(stories.SelectMany(s => FollowUpSteps(s, followUpRules.For(s.Content.SchemeId), now)))
            .OrderBy(s => s.At).ThenBy(s => stories.IndexOf(s.Story)).ThenBy(s => s.Order)
            .ToList();

        // All or nothing: a step the domain refuses leaves no half-told story behind.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var body in stories.Select(s => s.Content.BodyId).Distinct())
        {
            await keys.ActiveKeyAsync(body, now, ct);
        }

        await db.CommitAsync(who, now, ct);
        foreach (var step in steps)
        {
            try
            {
                await ApplyAsync(step, now, ct);
            }
            catch (DomainException e)
            {
                throw Invalid(step.Story.Entry,
                    $"was refused at '{step.Event?.Action ?? "issue"}' {step.Event?.DaysAgo ?? step.Story.Entry.IssuedDaysAgo} days ago: {e.Message}", e);
            }

            await db.CommitAsync(who, step.At, ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new DemoCertificateSeeding(true, await ListAsync(holders, ct));
    }

    private async Task ApplyAsync(Step step, DateTimeOffset now, CancellationToken ct)
    {
        var story = step.Story;
        if (step.FollowUpDue is { } dueOn)
        {
            await PassFollowUpAsync(story.Current!, dueOn, step.At, ct);
            return;
        }

        if (step.Event is not { } e)
        {
            var issued = Certificate.IssueRegistered(Guid.CreateVersion7(step.At), await NextNumberAsync(story, step.At, ct), story.Content,
                story.Entry.ValidityYears, step.At, await indexes.NextAsync(story.Content.BodyId, ct), $"demo ({FileName}: {story.Entry.Id})");
            db.Certificates.Add(issued);
            story.Current = issued;
            await signer.SignAsync(issued, now, ct);
            return;
        }

        var certificate = story.Current!;
        var at = step.At;
        var reason = e.Reason ?? string.Empty;
        switch (Parse(story.Entry, e))
        {
            case DemoAction.Suspend:
                certificate.Suspend(reason, DateOnly.FromDateTime(at.UtcDateTime).AddDays(e.DeadlineDays ?? 0), at);
                break;
            case DemoAction.Restore:
                certificate.Restore(e.Reason, at);
                break;
            case DemoAction.Withdraw:
                certificate.Withdraw(reason, at);
                break;
            case DemoAction.Cancel:
                certificate.Cancel(reason, at);
                break;
            case DemoAction.ChangeHolder:
                certificate.ChangeHolder(e.HolderName!.ToText(), e.HolderAddress?.ToText() ?? certificate.HolderAddress, reason, at);
                await signer.SignAsync(certificate, now, ct);
                break;
            case DemoAction.Extend:
                certificate.ExtendModels(e.Models.Select(m => m.ToModel()), reason, at);
                await signer.SignAsync(certificate, now, ct);
                break;
            case DemoAction.Renew:
                var renewal = certificate.Renew(Guid.CreateVersion7(at), await NextNumberAsync(story, at, ct), story.Entry.ValidityYears, at,
                    await indexes.NextAsync(certificate.BodyId, ct));
                db.Certificates.Add(renewal);
                story.Current = renewal;
                await signer.SignAsync(renewal, now, ct);
                break;
        }
    }

    /// <summary>
    /// A story's yearly follow-ups, each passed two weeks before its due day: counted from the issue day, and from a
    /// renewal's day once renewed (the renewal starts its own schedule), up to today.
    /// </summary>
    private static IEnumerable<Step> FollowUpSteps(Story story, FollowUpPolicy policy, DateTimeOffset now)
    {
        if (story.Entry.FollowUps == "none")
        {
            yield break;
        }

        var anchors = story.Entry.Events.Where(e => Parse(story.Entry, e) == DemoAction.Renew).Select(e => now.AddDays(-e.DaysAgo))
            .Prepend(now.AddDays(-story.Entry.IssuedDaysAgo)).ToList();
        for (var i = 0; i < anchors.Count; i++)
        {
            var issuedAt = anchors[i];
            var until = i + 1 < anchors.Count ? anchors[i + 1] : now;
            var issuedOn = DateOnly.FromDateTime(issuedAt.UtcDateTime);
            var validUntil = issuedOn.AddYears(story.Entry.ValidityYears).AddDays(-1);
            var interval = policy.IntervalFor(null);
            for (var k = 1; issuedOn.AddMonths(k * interval) is var dueOn && dueOn <= validUntil; k++)
            {
                var at = issuedAt.AddDays(dueOn.DayNumber - issuedOn.DayNumber - FollowUpDaysEarly);
                if (at >= until)
                {
                    break;
                }

                yield return new Step(story, at, null, k, dueOn);
            }
        }
    }

    // A withdrawn, cancelled or superseded certificate is no longer followed up; its story skips the rest.
    private async Task PassFollowUpAsync(Certificate certificate, DateOnly dueOn, DateTimeOffset at, CancellationToken ct)
    {
        if (certificate.State is not (CertificateState.Active or CertificateState.Suspended))
        {
            return;
        }

        var auditors = await db.Set<AuditorRegistration>().AsNoTracking().Where(r => r.BodyId == certificate.BodyId)
            .OrderBy(r => r.RegistrationNumber).Select(r => r.PersonId).Take(2).ToListAsync(ct);
        if (auditors.Count == 0)
        {
            throw new InvalidDataException($"{DemoWorld.FileName}: body '{certificate.BodyId}' has no registered auditor to do the demo's follow-ups.");
        }

        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var inspection = Inspection.PlanFollowUp(Guid.CreateVersion7(at), certificate, dueOn, day, auditors.Select(a => a.ToString()), at);
        inspection.RecordPassed(day, "Demo: the factory inspection found the production consistent with the certified type.", at);
        db.Inspections.Add(inspection);
    }

    /// <summary>The number a certificate issued (or renewed) on <paramref name="at"/> gets: the scheme's pattern, that year.</summary>
    private Task<string> NextNumberAsync(Story story, DateTimeOffset at, CancellationToken ct) =>
        numbers.NextAsync(story.Content.SchemeId, story.BodyRegistryId, story.ProductCode, at.Year, ct);

    /// <summary>Checks an entry against the registry and the demo world before anything is written.</summary>
    private async Task<Story> PlanAsync(CertificateEntry entry, IReadOnlyList<Story> planned, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(entry.Id) || planned.Any(p => p.Entry.Id == entry.Id))
        {
            throw Invalid(entry, "needs an id of its own (a word naming its story, unique in the file).");
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == entry.Holder, ct))
        {
            throw Invalid(entry, $"names holder '{entry.Holder}', which is not an organisation of the demo world ({DemoWorld.FileName}).");
        }

        var body = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == entry.Body && o.Kind == OrganisationKind.CertificationBody, ct)
            ?? throw Invalid(entry, $"names body '{entry.Body}', which is not a certification body of the demo world ({DemoWorld.FileName}).");
        var productType = await db.ProductTypes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == entry.ProductType && p.SchemeId == entry.Scheme, ct)
            ?? throw Invalid(entry, $"names product type '{entry.ProductType}', which scheme '{entry.Scheme}' does not list in its catalogue.");
        if (productType.Code is null)
        {
            throw Invalid(entry, $"names product type '{entry.ProductType}', which has no catalogue code to number its certificates with.");
        }

        var known = await db.Standards.AsNoTracking().Where(s => entry.Standards.Contains(s.Number)).Select(s => new { s.Number, s.Family }).ToListAsync(ct);
        foreach (var standard in entry.Standards)
        {
            var edition = known.FirstOrDefault(k => k.Number == standard)
                ?? throw Invalid(entry, $"names standard '{standard}', which is not an edition in the registry's standards.");
            if (!productType.StandardFamilies.Contains(edition.Family))
            {
                throw Invalid(entry, $"names standard '{standard}', which is not one of {productType.Id}'s ({string.Join(", ", productType.StandardFamilies)}).");
            }
        }

        CheckEvents(entry);
        try
        {
            var content = new CertificateContent(entry.Scheme, body.Id, entry.Holder, entry.HolderName.ToText(), entry.HolderAddress.ToText(),
                Party.Of(entry.Manufacturer.Name.ToText(), entry.Manufacturer.Address.ToText(), "manufacturer"),
                Party.Of(entry.Factory.Name.ToText(), entry.Factory.Address.ToText(), "factory"), productType.Id,
                ProductDetails.Of(entry.Product.Name.ToText(), entry.Product.MainModel, entry.Product.Series.Select(s => s.ToModel()), entry.Product.TradeMark),
                [.. entry.Standards]);
            return new Story(entry, content, body.RegistryId ?? body.Id, productType.Code);
        }
        catch (DomainException e)
        {
            throw Invalid(entry, e.Message, e);
        }
    }

    private static void CheckEvents(CertificateEntry entry)
    {
        if (entry.IssuedDaysAgo < 0)
        {
            throw Invalid(entry, $"is issued {entry.IssuedDaysAgo} days ago; issued_days_ago counts back from today, so it is 0 or more.");
        }

        if (entry.FollowUps is not ("kept" or "none"))
        {
            throw Invalid(entry, $"has follow_ups '{entry.FollowUps}'; it is kept (each yearly follow-up passed, the default) or none.");
        }

        var previous = entry.IssuedDaysAgo;
        foreach (var e in entry.Events)
        {
            if (e.DaysAgo < 0 || e.DaysAgo > previous || e.DaysAgo == entry.IssuedDaysAgo)
            {
                throw Invalid(entry, $"has event '{e.Action}' {e.DaysAgo} days ago; events come after the issue ({entry.IssuedDaysAgo} days ago) and in order, each no earlier than the one before ({previous} days ago).");
            }

            var problem = Parse(entry, e) switch
            {
                DemoAction.Suspend when e.DeadlineDays is null or < 1 => "needs deadline_days, 1 or more: the days the holder has to correct",
                DemoAction.ChangeHolder when string.IsNullOrWhiteSpace(e.HolderName?.En) => "needs holder_name (en, and zh where there is one)",
                DemoAction.Extend when e.Models.Count == 0 => "needs models, each with the model code and its differences",
                _ => null,
            };
            if (problem is not null)
            {
                throw Invalid(entry, $"has event '{e.Action}' {e.DaysAgo} days ago that {problem}.");
            }

            previous = e.DaysAgo;
        }
    }

    private static DemoAction Parse(CertificateEntry entry, EventEntry e) =>
        SnakeCaseNames.TryParse(e.Action, ignoreCase: true, out DemoAction action) && !int.TryParse(e.Action, out _)
            ? action
            : throw Invalid(entry, $"has event action '{e.Action}' {e.DaysAgo} days ago; actions are {SnakeCaseNames.List<DemoAction>()}.");

    private async Task<IReadOnlyList<DemoCertificate>> ListAsync(IReadOnlyCollection<string> holders, CancellationToken ct)
    {
        var certificates = await db.Certificates.AsNoTracking().Where(c => holders.Contains(c.HolderId)).ToListAsync(ct);
        return [.. certificates.OrderBy(c => c.IssuedOn).ThenBy(c => c.Number, StringComparer.Ordinal).Take(ListedAtMost)
            .Select(c => new DemoCertificate(c.Number, c.State, c.Product.Name.En, c.Product.MainModel))];
    }

    private static InvalidDataException Invalid(CertificateEntry entry, string problem, Exception? inner = null) =>
        new($"{FileName}: certificate '{entry.Id}' {problem}", inner);

    private enum DemoAction
    {
        Suspend,
        Restore,
        Withdraw,
        Cancel,
        ChangeHolder,
        Extend,
        Renew,
    }

    /// <summary>One demo certificate in the making: its entry, its checked content, and the certificate it is now (a renewal replaces it).</summary>
    private sealed class Story(CertificateEntry entry, CertificateContent content, string bodyRegistryId, string productCode)
    {
        public CertificateEntry Entry { get; } = entry;

        public CertificateContent Content { get; } = content;

        public string BodyRegistryId { get; } = bodyRegistryId;

        public string ProductCode { get; } = productCode;

        public Certificate? Current { get; set; }
    }

    /// <summary>The issue (no event) or one event of a story, at its time; <paramref name="Order"/> keeps a story's own order on a tie.</summary>
    private sealed record Step(Story Story, DateTimeOffset At, EventEntry? Event, int Order, DateOnly? FollowUpDue = null);
}
