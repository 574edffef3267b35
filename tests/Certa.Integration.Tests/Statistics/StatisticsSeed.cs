using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Statistics;

/// <summary>
/// A small world with known numbers, made through the domain's own methods at chosen times: certificates of two bodies
/// and two schemes (one suspended, one issued two months ago), applications with timed steps, follow-up inspections.
/// </summary>
internal static class StatisticsSeed
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var indexes = scope.ServiceProvider.GetRequiredService<StatusListIndexes>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var a = await IssueAsync(db, indexes, "cqc", "ccc", now);
        var b = await IssueAsync(db, indexes, "cqc", "ccc", now);
        await IssueAsync(db, indexes, "cqc", "cn-rohs", now.AddMonths(-2));
        var d = await IssueAsync(db, indexes, "cvc-cert", "ccc", now);
        b.Suspend("Statistics seed: the factory moved.", today.AddDays(30), now);

        var passed = Inspection.PlanFollowUp(Guid.NewGuid(), a, today.AddYears(1), today, ["auditor-1"], now);
        passed.RecordPassed(today, "Conforms.", now);
        var failed = Inspection.PlanFollowUp(Guid.NewGuid(), b, today.AddYears(1), today, ["auditor-1"], now);
        failed.RecordFailed(today, ["Label missing"], null, now);
        db.Inspections.AddRange(passed, failed, Inspection.PlanFollowUp(Guid.NewGuid(), d, today.AddYears(1), today, ["auditor-2"], now));

        // cqc: one application drafted 2 days, submitted 1.5 days, now accepted; one drafted 1 day, now submitted. cvc-cert: a draft.
        var start = now.AddDays(-10);
        var first = Draft("cqc", start);
        first.Submit(start.AddDays(2));
        first.Accept(start.AddDays(3.5));
        var second = Draft("cqc", start);
        second.Submit(start.AddDays(1));
        db.Applications.AddRange(first, second, Draft("cvc-cert", start));
        await db.CommitAsync(CommandContext.CommandLine(), now, CancellationToken.None);
    }

    private static async Task<Certificate> IssueAsync(CertaDbContext db, StatusListIndexes indexes, string body, string scheme, DateTimeOffset at)
    {
        var certificate = Certificate.IssueRegistered(Guid.NewGuid(), "STAT-" + Guid.NewGuid().ToString("N")[..12], Content(body, scheme), 5, at,
            await indexes.NextAsync(body, CancellationToken.None), "statistics test");
        db.Certificates.Add(certificate);
        // Each index is taken from the stored ones: save before the next is asked for.
        await db.CommitAsync(CommandContext.CommandLine(), at, CancellationToken.None);
        return certificate;
    }

    private static Application Draft(string body, DateTimeOffset at) =>
        Application.Draft(Guid.NewGuid(), "demo-laptop-maker", body, "ccc", "ccc.0902", Product, Maker, Factory, [], at);

    private static CertificateContent Content(string body, string scheme) =>
        new(scheme, body, "demo-laptop-maker", new LocalizedText("Demo Laptop Maker Ltd.", "演示笔记本电脑制造有限公司"), LocalizedText.Empty, Maker, Factory,
            "ccc.0902", Product, ["GB 4943.1-2022"]);

    private static ProductDetails Product => ProductDetails.Of(new LocalizedText("Laptop computer", "笔记本电脑"), "X14", [], "Example");

    private static Party Maker => new(new LocalizedText("Demo Laptop Maker Ltd.", "演示笔记本电脑制造有限公司"), new LocalizedText("Shenzhen", "深圳"));

    private static Party Factory => new(new LocalizedText("Demo Laptop Factory", "演示笔记本电脑厂"), new LocalizedText("Dongguan", "东莞"));
}
