using Certa.Domain.Access;
using Certa.Domain.Notifications;
using Certa.Infrastructure.Notifications;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Certa.Integration.Tests.Notifications;

/// <summary>With an SMTP server configured, the outbox sends through it (MailKit) and writes no file.</summary>
[Collection("sqlite")]
public sealed class SmtpMailTests
{
    [Fact]
    public async Task ConfiguredSmtpServer_GetsTheEmail_OnceAndNoFileIsWritten()
    {
        await using var smtp = new FakeSmtpServer();
        await using var app = await CertaTestApp.StartAsync(DatabaseProvider.Sqlite, demo: true, settings: new Dictionary<string, string?>
        {
            ["Certa:Mail:Smtp:Host"] = "127.0.0.1",
            ["Certa:Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Certa:Mail:Smtp:Security"] = "None",
            ["Certa:Mail:From"] = "Certa <certa@cqc.example>",
            ["Certa:Mail:PublicUrl"] = "https://certa.example/",
        });
        using var applicant = await app.SignInAsync(app.Demo.First(c => c.Roles.SequenceEqual([Role.ApplicantUser])).Email);
        var id = await ApplicationJourney.SubmittedAsync(applicant);
        var outbox = app.Services.GetRequiredService<MailOutbox>();

        (await outbox.SendDueAsync(CancellationToken.None)).ShouldBe(1);
        (await outbox.SendDueAsync(CancellationToken.None)).ShouldBe(0);

        var (recipients, data) = smtp.Received.ShouldHaveSingleItem();
        recipients.ShouldBe(["handler@cqc.example"]);
        using var message = await MimeMessage.LoadAsync(new MemoryStream(data));
        message.From.Mailboxes.Single().Address.ShouldBe("certa@cqc.example");
        message.Subject.ShouldStartWith("Application submitted: Laptop (X14)");
        message.TextBody.ShouldNotBeNull().ShouldContain($"https://certa.example/applications/{id}");
        Directory.Exists(Path.Combine(app.Database.DataDirectory, "outbox")).ShouldBeFalse();
        var sent = await app.QueryAsync(db => db.Notifications.SingleAsync(n => n.EntityKey == id));
        sent.MailState.ShouldBe(MailState.Sent);
        sent.MailAttempts.ShouldBe(1);
    }
}
