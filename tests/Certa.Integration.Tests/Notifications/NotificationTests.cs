using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Notifications;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Certa.Integration.Tests.Notifications;

/// <summary>Events tell the people <c>data/notifications.yaml</c> names, in the app and by e-mail (here: .eml files), and nobody else.</summary>
public abstract class NotificationTests(SignedInDemoFixture fixture)
{
    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    private Session Handler => fixture.As(Role.ApplicationHandler);

    [Fact]
    public async Task Submit_TellsTheBodysHandler_AndTheOutboxWritesTheirEmail()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);

        var notification = (await AboutAsync(Handler.Client, id)).ShouldHaveSingleItem();
        notification.Str("action").ShouldBe("application.submit");
        notification.Str("subjectEn").ShouldBe("Application submitted: Laptop (X14)");
        notification.Str("subjectZh").ShouldBe("新申请已提交：笔记本电脑（X14）");
        notification.Str("mailState").ShouldBe("pending");

        await SendMailAsync();

        var file = Path.Combine(fixture.App.Database.DataDirectory, "outbox", $"{notification.Str("id")}.eml");
        File.Exists(file).ShouldBeTrue(file);
        using var message = await MimeMessage.LoadAsync(file);
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(Handler.Email);
        message.Subject.ShouldBe("Application submitted: Laptop (X14) · 新申请已提交：笔记本电脑（X14）");
        message.TextBody.ShouldNotBeNull().ShouldContain($"/applications/{id}");
        message.TextBody.ShouldContain("笔记本电脑");
        (await AboutAsync(Handler.Client, id)).Single().Str("mailState").ShouldBe("written");
    }

    [Fact]
    public async Task DeliveredMail_IsNotSentAgain()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        await SendMailAsync();
        var file = Path.Combine(fixture.App.Database.DataDirectory, "outbox", $"{(await AboutAsync(Handler.Client, id)).Single().Str("id")}.eml");
        var written = File.GetLastWriteTimeUtc(file);

        (await SendMailAsync()).ShouldBe(0);

        File.GetLastWriteTimeUtc(file).ShouldBe(written);
    }

    [Fact]
    public async Task Submit_TellsNobodyElse_NeitherTheApplicantNorOtherRolesNorOtherOrganisations()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);

        foreach (var session in fixture.Sessions.Values.Where(s => s.Role != Role.ApplicationHandler))
        {
            (await AboutAsync(session.Client, id)).ShouldBeEmpty($"{session.Role.Name()} of {session.Organisation}");
        }
    }

    [Fact]
    public async Task Accept_TellsTheApplicant_InTheRulesWords()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        using var accepted = await Handler.Client.PostAsync($"/api/v1/applications/{id}/accept", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);

        var told = (await AboutAsync(Applicant, id)).ShouldHaveSingleItem();
        told.Str("action").ShouldBe("application.accept");
        told.Str("textEn").ShouldContain("China Quality Certification Centre accepted your application for Laptop, model X14");
        told.Str("textZh").ShouldContain("中国质量认证中心");
    }

    [Fact]
    public async Task PlacedTestOrder_TellsTheLabsEngineers_NotAnotherLabs()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        using (var accepted = await Handler.Client.PostAsync($"/api/v1/applications/{id}/accept", null))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var placed = await Handler.Client.PostAsync($"/api/v1/applications/{id}/test-orders", Json.Body(new { lab = "lab-cttl" }));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());

        var engineer = fixture.As(Role.LabEngineer);
        engineer.Organisation.ShouldBe("lab-cttl");
        var told = (await AboutAsync(engineer.Client, id)).ShouldHaveSingleItem();
        told.Str("action").ShouldBe("test_order.placed");
        told.Str("textEn").ShouldContain("from China Telecommunication Technology Labs");
        using var cesi = await fixture.App.SignInAsync("engineer@lab-cesi.example");
        (await AboutAsync(cesi, id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeactivatedPerson_IsNotTold()
    {
        Guid gone;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var people = scope.ServiceProvider.GetRequiredService<PeopleCommands>();
            var person = await people.AddAsync(CommandContext.CommandLine(), "cqc", "Gone Handler", $"gone-{Guid.NewGuid():N}@cqc.example",
                [Role.ApplicationHandler], DemoWorld.NewPassword(), CancellationToken.None);
            gone = person.Id;
            await people.DeactivateAsync(CommandContext.CommandLine(), "cqc", gone, CancellationToken.None);
        }

        var id = await ApplicationJourney.SubmittedAsync(Applicant);

        (await AboutAsync(Handler.Client, id)).ShouldHaveSingleItem();
        (await fixture.App.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == gone))).ShouldBe(0);
    }

    [Fact]
    public async Task RefusedCommand_TellsNobody()
    {
        var draft = await ApplicationJourney.DraftAsync(Applicant);
        var before = await CountAsync();

        using var refused = await Applicant.PostAsync($"/api/v1/applications/{draft.Str("id")}/submit", null);

        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "documents-missing");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ReadAndReadAll_MarkOnlyOnesOwnNotifications()
    {
        var first = (await AboutAsync(Handler.Client, await ApplicationJourney.SubmittedAsync(Applicant))).Single().Str("id");
        await ApplicationJourney.SubmittedAsync(Applicant);

        using (var other = await fixture.As(Role.BodyAdmin).Client.PostAsync($"/api/v1/notifications/{first}/read", null))
        {
            await other.ShouldBeProblemAsync(HttpStatusCode.NotFound, "notification-not-found");
        }

        using (var read = await Handler.Client.PostAsync($"/api/v1/notifications/{first}/read", null))
        {
            read.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await read.ReadJsonAsync()).GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.String);
        }

        var unread = await Handler.Client.GetJsonAsync("/api/v1/notifications?unread=true&pageSize=200");
        unread.Items().ShouldNotContain(n => n.Str("id") == first);
        unread.Int("total").ShouldBeGreaterThan(0);

        using (var all = await Handler.Client.PostAsync("/api/v1/notifications/read-all", null))
        {
            (await all.ReadJsonAsync()).Int("marked").ShouldBe(unread.Int("total"));
        }

        (await Handler.Client.GetJsonAsync("/api/v1/notifications?unread=true")).Int("total").ShouldBe(0);
        (await Handler.Client.GetJsonAsync("/api/v1/notifications")).Items().First(n => n.Str("id") == first).GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task NotificationsPage_ListsThem_AndTheLayoutCountsTheUnread()
    {
        await ApplicationJourney.SubmittedAsync(Applicant);

        var html = await Handler.Client.GetStringAsync("/notifications");

        html.ShouldContain("Application submitted: Laptop (X14)");
        html.ShouldContain("id=\"unread-count\"");
    }

    private static async Task<IReadOnlyList<JsonElement>> AboutAsync(HttpClient client, string applicationId) =>
        [.. (await client.GetJsonAsync("/api/v1/notifications?pageSize=200")).Items().Where(n => n.Str("link") == $"/applications/{applicationId}")];

    private async Task<int> SendMailAsync() => await fixture.App.Services.GetRequiredService<MailOutbox>().SendDueAsync(CancellationToken.None);

    private Task<int> CountAsync() => fixture.App.QueryAsync(db => db.Notifications.CountAsync());
}

[Collection("sqlite")]
public sealed class SqliteNotificationTests(SqliteSignedInDemoFixture fixture) : NotificationTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresNotificationTests(PostgresSignedInDemoFixture fixture) : NotificationTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
