using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Applications;

/// <summary>Applications stored and read back whole on each database, every move audited, and two simultaneous decisions: one wins.</summary>
public abstract class ApplicationPersistenceTests(DemoAppFixture fixture)
{
    private static readonly Guid Engineer = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();

    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static CommandContext Who => CommandContext.CommandLine();

    private AsyncServiceScope Scope() => fixture.App.Services.CreateAsyncScope();

    private static CertaDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<CertaDbContext>();

    private static Application Laptop() => Application.Draft(Guid.CreateVersion7(), "demo-laptop-maker", "cqc", "ccc", "ccc.0902",
        ProductDetails.Of(new LocalizedText("Laptop", "笔记本电脑"), "X14", [new SeriesModel("X14 Pro", "Larger battery, same board")], "Example"),
        Party.Of(new LocalizedText("Shenzhen Example Computer Co., Ltd.", "深圳示例电脑有限公司"), new LocalizedText("1 Example Road, Shenzhen"), "manufacturer"),
        Party.Of(new LocalizedText("Example Factory"), new LocalizedText("2 Factory Road, Dongguan", "东莞工厂路2号"), "factory"),
        ["application_form", "product_description"], T0);

    private async Task<Guid> StoreInReviewAsync()
    {
        var application = Laptop();
        application.AttachDocument(new AttachedDocument("application_form", new string('a', 64), "form.pdf", 1000, T0));
        application.AttachDocument(new AttachedDocument("product_description", new string('b', 64), "说明.pdf", 2000, T0));
        application.Submit(T0);
        application.Accept(T0);
        application.StartTesting(T0);
        application.NoteEvaluator(Engineer);
        application.CompleteTesting(T0);
        application.CompleteFactoryAudit(T0);
        application.AssignReviewer(Reviewer);
        application.RecordReview(Reviewer, recommendGrant: true, "Conforms.", T0.AddDays(35));
        await using var scope = Scope();
        Db(scope).Applications.Add(application);
        await Db(scope).CommitAsync(Who, T0, CancellationToken.None);
        return application.Id;
    }

    [Fact]
    public async Task Draft_RoundTrips_WithProductPartiesAndDocuments()
    {
        var application = Laptop();
        application.AttachDocument(new AttachedDocument("application_form", new string('a', 64), "申请书.pdf", 1234, T0));
        await using (var scope = Scope())
        {
            Db(scope).Applications.Add(application);
            await Db(scope).CommitAsync(Who, T0, CancellationToken.None);
        }

        await using var read = Scope();
        var stored = await Db(read).Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id);

        stored.State.ShouldBe(ApplicationState.Draft);
        stored.Product.Name.Zh.ShouldBe("笔记本电脑");
        stored.Product.SeriesModels.Single().Differences.ShouldBe("Larger battery, same board");
        stored.Factory.Address.Zh.ShouldBe("东莞工厂路2号");
        stored.Documents.Single().FileName.ShouldBe("申请书.pdf");
        stored.MissingDocuments().ShouldBe(["product_description"]);
        (await Db(read).AuditEvents.CountAsync(e => e.EntityId == application.Id.ToString())).ShouldBe(2);
    }

    [Fact]
    public async Task AChangeToALoadedApplication_IsSaved()
    {
        var application = Laptop();
        await using (var scope = Scope())
        {
            Db(scope).Applications.Add(application);
            await Db(scope).CommitAsync(Who, T0, CancellationToken.None);
        }

        await using (var scope = Scope())
        {
            var loaded = await Db(scope).Applications.SingleAsync(a => a.Id == application.Id);
            loaded.AttachDocument(new AttachedDocument("application_form", new string('c', 64), "form.pdf", 10, T0));
            loaded.AttachDocument(new AttachedDocument("product_description", new string('d', 64), "p.pdf", 20, T0));
            loaded.Submit(T0.AddDays(1));
            await Db(scope).CommitAsync(Who, T0.AddDays(1), CancellationToken.None);
        }

        await using var read = Scope();
        var stored = await Db(read).Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id);
        stored.State.ShouldBe(ApplicationState.Submitted);
        stored.Documents.Count.ShouldBe(2);
        stored.Version.ShouldBe(3);
    }

    [Fact]
    public async Task TwoSimultaneousDecisions_OneWins_TheOtherIsRefused_AndOnlyTheWinnerIsAudited()
    {
        var id = await StoreInReviewAsync();
        await using var first = Scope();
        await using var second = Scope();
        var a = await Db(first).Applications.SingleAsync(x => x.Id == id);
        var b = await Db(second).Applications.SingleAsync(x => x.Id == id);

        a.Grant(Guid.NewGuid(), T0.AddDays(40));
        b.RefuseAtDecision(Guid.NewGuid(), "Audit evidence incomplete.", T0.AddDays(40));
        await Db(first).CommitAsync(Who, T0.AddDays(40), CancellationToken.None);
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => Db(second).CommitAsync(Who, T0.AddDays(40), CancellationToken.None));

        await using var read = Scope();
        (await Db(read).Applications.AsNoTracking().SingleAsync(x => x.Id == id)).State.ShouldBe(ApplicationState.Granted);
        var decisions = await Db(read).AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == id.ToString() && (e.Action == "application.grant" || e.Action == "application.refuse_at_decision")).ToListAsync();
        decisions.Select(e => e.Action).ShouldBe(["application.grant"]);
        (await Infrastructure.Audit.AuditLog.VerifyAsync(Db(read), CancellationToken.None)).Intact.ShouldBeTrue();
    }
}

[Collection("sqlite")]
public sealed class SqliteApplicationPersistenceTests(SqliteDemoAppFixture fixture) : ApplicationPersistenceTests(fixture), IClassFixture<SqliteDemoAppFixture>;

[Collection("postgres")]
public sealed class PostgresApplicationPersistenceTests(PostgresDemoAppFixture fixture) : ApplicationPersistenceTests(fixture), IClassFixture<PostgresDemoAppFixture>;
