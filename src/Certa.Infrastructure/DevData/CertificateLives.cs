using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Supervision.FollowUps;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Supervision.FollowUps;
using Certa.Infrastructure.Supervision.Watches;

namespace Certa.Infrastructure.DevData;

/// <summary>A certificate to sign: the certificate as issued (version 1) and who signs it.</summary>
internal sealed record CredentialToSign(Certificate Certificate, SyntheticBody Body, BodyProduct Product, DateTimeOffset At, int MessageIndex);

/// <summary>
/// Lives certificates through the domain's own methods: issue, then by the file's shares a suspension (still running, or
/// restored), a withdrawal, a cancellation or a renewal, and expiry when the validity ran out before today. Every step
/// is a domain event with the certificate's state after it, as the real commands would have committed it.
/// </summary>
internal sealed class CertificateLives(SyntheticRegistryFile file, Numbering numbers, string schemeId, int validityYears, FollowUpPolicy followUps, DateTimeOffset now,
    string correlationPrefix)
{
    private static readonly string Person = Actor.CommandLine(Environment.UserName).AuditName;
    private static readonly string System = Actor.System.AuditName;

    /// <summary>Issues one certificate (and its renewal, if it is renewed) into <paramref name="batch"/>; returns how many certificates that made.</summary>
    public int Live(Random random, SyntheticBody body, SyntheticHolder holder, GeneratedBatch batch)
    {
        var made = Live(random, body, holder, batch.Certificates, batch.Pending, batch.ToSign);
        foreach (var certificate in batch.Certificates.TakeLast(made))
        {
            var inspections = FollowUp(random, certificate, body, batch.Pending);
            batch.Inspections.AddRange(inspections);
            if (CertificateWatch.Of(followUps, SupervisedCertificates.Of(certificate, inspections), certificate.Id) is { } watch)
            {
                batch.Watches.Add(watch);
            }
        }

        return made;
    }

    private int Live(Random random, SyntheticBody body, SyntheticHolder holder, List<Certificate> certificates, List<PendingAudit> audit,
        List<CredentialToSign> credentials)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var product = body.Products[random.Next(body.Products.Count)];
        var first = Later(product.From, today.AddYears(-6));
        var last = Earlier(product.Until, today.AddDays(-1));
        var day = first.AddDays(random.Next(Math.Max(1, last.DayNumber - first.DayNumber + 1)));
        var issuedAt = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(7200 + random.Next(36_000));
        var certificate = Issue(random, body, holder, product, issuedAt, certificates, audit, credentials);
        var made = 1;
        var roll = random.NextDouble();
        var shares = file.Shares;
        var sinceIssue = Math.Min((now - issuedAt).TotalDays, certificate.ValidUntil.DayNumber - day.DayNumber);
        DateTimeOffset Within(double fromDays, double toDays) => issuedAt.AddDays(fromDays + (random.NextDouble() * Math.Max(0, toDays - fromDays)));
        if (sinceIssue > 3 && certificate.ValidUntil > today.AddDays(2) && (roll -= shares.Suspended) < 0)
        {
            // Still suspended today: suspended in the last two months, the deadline ahead.
            var at = Later(Within(1, sinceIssue), now.AddDays(-60));
            Step(certificate, at, c => c.Suspend(file.Reasons.Suspended, Deadline(c, at), at), audit);
        }
        else if (sinceIssue > 40 && (roll -= shares.SuspendedThenRestored) < 0)
        {
            var at = Within(1, sinceIssue - 35);
            Step(certificate, at, c => c.Suspend(file.Reasons.Suspended, Deadline(c, at), at), audit);
            var restoredAt = at.AddDays(5 + random.Next(25));
            Step(certificate, restoredAt, c => c.Restore(file.Reasons.Restored, restoredAt), audit);
        }
        else if (sinceIssue > 3 && (roll -= shares.Withdrawn) < 0)
        {
            var at = Within(1, sinceIssue);
            Step(certificate, at, c => c.Withdraw(file.Reasons.Withdrawn, at), audit);
        }
        else if (sinceIssue > 3 && (roll -= shares.Cancelled) < 0)
        {
            var at = Within(1, sinceIssue);
            Step(certificate, at, c => c.Cancel(file.Reasons.Cancelled, at), audit);
        }
        else if (sinceIssue > 370 && (roll -= shares.Renewed) < 0)
        {
            var at = Within(365, sinceIssue);
            var renewal = certificate.Renew(DevIds.Next(random, at), numbers.Next(body, product.Type, at.Year), validityYears, at, body.NextStatusIndex++);
            PendingAudit.Take(certificate, Person, Correlation(at), at, audit, certificate.Number, body.Id);
            certificates.Add(renewal);
            PendingAudit.Take(renewal, Person, Correlation(at), at, audit, renewal.Number, body.Id);
            credentials.Add(new CredentialToSign(renewal, body, product, at, body.NextMessageIndex++));
            ExpireIfDue(renewal, today, audit);
            made++;
        }

        ExpireIfDue(certificate, today, audit);
        return made;
    }

    /// <summary>
    /// A certificate still supervised today had every follow-up due so far, passed: planned a few weeks ahead by its body and
    /// done in the window before the due day, as the supervision round expects (a registry without them would have the first
    /// round suspend most of it). Due days still ahead are left to do.
    /// </summary>
    private List<Inspection> FollowUp(Random random, Certificate certificate, SyntheticBody body, List<PendingAudit> audit)
    {
        var inspections = new List<Inspection>();
        if (certificate.State is not (CertificateState.Active or CertificateState.Suspended))
        {
            return inspections;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var supervised = new SupervisedCertificate(certificate.Number, certificate.SchemeId, certificate.BodyId, certificate.IssuedOn, certificate.ValidUntil,
            certificate.State, null, [], []);
        foreach (var dueOn in FollowUpSchedule.For(followUps, supervised).Where(d => d <= today))
        {
            var performedOn = dueOn.AddDays(-random.Next(followUps.WindowDays + 1));
            var plannedOn = performedOn.AddDays(-random.Next(0, 21));
            var plannedAt = Earlier(At(plannedOn, 9), now);
            var inspection = Inspection.PlanFollowUp(DevIds.Next(random, plannedAt), certificate, dueOn, plannedOn,
                [body.Inspectors[random.Next(body.Inspectors.Count)]], plannedAt);
            PendingAudit.Take(inspection, Person, Correlation(plannedAt), plannedAt, audit);
            var recordedAt = Earlier(At(performedOn, 17), now);
            inspection.RecordPassed(performedOn, file.Reasons.FollowUpPassed, recordedAt);
            PendingAudit.Take(inspection, Person, Correlation(recordedAt), recordedAt, audit);
            inspections.Add(inspection);
        }

        return inspections;
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    /// <summary>What Certa's daily expiry does (<c>CertificateCommands.ExpireDueAsync</c>): the day after the last valid day, by the system.</summary>
    private static void ExpireIfDue(Certificate certificate, DateOnly today, List<PendingAudit> audit)
    {
        if (certificate.Allows(CertificateOperation.Expire) && certificate.ValidUntil < today)
        {
            var at = new DateTimeOffset(certificate.ValidUntil.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(5);
            certificate.Expire(at);
            PendingAudit.Take(certificate, System, $"expiry-{at:yyyyMMddHHmmss}", at, audit, certificate.Number, certificate.BodyId);
        }
    }

    private Certificate Issue(Random random, SyntheticBody body, SyntheticHolder holder, BodyProduct product, DateTimeOffset at, List<Certificate> certificates, List<PendingAudit> audit, List<CredentialToSign> credentials)
    {
        var series = Enumerable.Range(1, random.Next(4))
            .Select(i => new SeriesModel($"{holder.Brand}-{random.Next(1000, 9999)}{(char)('A' + i)}", file.SeriesDifferences[random.Next(file.SeriesDifferences.Count)]));
        var details = ProductDetails.Of(product.Type.Name, $"{holder.Brand}-{random.Next(1000, 9999)}", series, holder.Brand);
        var factory = holder.Factories[random.Next(holder.Factories.Count)];
        var content = new CertificateContent(schemeId, body.Id, holder.Organisation.Id, holder.Organisation.Name, holder.Address,
            new Party(holder.Organisation.Name, holder.Address), factory, product.Type.Id, details, [.. product.Standards.Select(s => s.Number)]);
        var certificate = Certificate.IssueRegistered(DevIds.Next(random, at), numbers.Next(body, product.Type, at.Year), content, validityYears, at,
            body.NextStatusIndex++, "dev-generate");
        certificates.Add(certificate);
        PendingAudit.Take(certificate, Person, Correlation(at), at, audit, certificate.Number, body.Id);
        credentials.Add(new CredentialToSign(certificate, body, product, at, body.NextMessageIndex++));
        return certificate;
    }

    private static void Step(Certificate certificate, DateTimeOffset at, Action<Certificate> change, List<PendingAudit> audit)
    {
        change(certificate);
        PendingAudit.Take(certificate, Person, $"{certificate.Number}-{at:yyyyMMddHHmmss}", at, audit, certificate.Number, certificate.BodyId);
    }

    private static DateOnly Deadline(Certificate certificate, DateTimeOffset suspendedAt)
    {
        var deadline = DateOnly.FromDateTime(suspendedAt.UtcDateTime).AddDays(90);
        return deadline > certificate.ValidUntil ? certificate.ValidUntil : deadline;
    }

    private string Correlation(DateTimeOffset at) => $"{correlationPrefix}-{at:yyyyMMddHHmmss}";

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
