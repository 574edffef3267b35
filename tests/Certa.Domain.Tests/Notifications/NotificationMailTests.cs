using Certa.Domain.Common;
using Certa.Domain.Notifications;

namespace Certa.Domain.Tests.Notifications;

/// <summary>A notification's e-mail: retried with growing pauses, given up after a number of attempts, never resent once delivered.</summary>
public sealed class NotificationMailTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static Notification New() => Notification.Create(Guid.NewGuid(), Guid.NewGuid(), "cqc", "application.submit", "application", "a1", 7,
        new LocalizedText("Subject", "主题"), new LocalizedText("Text", "正文"), "/applications/a1", Start);

    [Fact]
    public void New_IsUnread_AndItsMailIsDueAtOnce()
    {
        var n = New();

        n.IsRead.ShouldBeFalse();
        n.MailState.ShouldBe(MailState.Pending);
        n.MailDueAt.ShouldBe(Start);
    }

    [Fact]
    public void FailedAttempts_WaitLongerEachTime_ThenGiveUp()
    {
        var n = New();
        var at = Start;
        var pauses = new List<TimeSpan>();
        for (var i = 1; i < Notification.MaxMailAttempts; i++)
        {
            n.MailAttemptFailed("451 try later", at);
            n.MailState.ShouldBe(MailState.Pending);
            pauses.Add(n.MailDueAt!.Value - at);
            at = n.MailDueAt.Value;
        }

        n.MailAttemptFailed("451 try later", at);

        pauses.ShouldBe([.. new[] { 1, 2, 4, 8, 16, 32, 64 }.Select(m => TimeSpan.FromMinutes(m))]);
        n.MailState.ShouldBe(MailState.Failed);
        n.MailDueAt.ShouldBeNull();
        n.MailAttempts.ShouldBe(Notification.MaxMailAttempts);
        n.MailError.ShouldBe("451 try later");
    }

    [Fact]
    public void RetryPause_IsAtMostSixHours() => Notification.RetryDelay(30).ShouldBe(TimeSpan.FromHours(6));

    [Fact]
    public void Delivered_IsNoLongerDue()
    {
        var n = New();
        n.MailAttemptFailed("timeout", Start);

        n.MailDelivered(MailState.Written, Start.AddMinutes(1));

        n.MailState.ShouldBe(MailState.Written);
        n.MailDueAt.ShouldBeNull();
        n.MailError.ShouldBeNull();
        n.MailAttempts.ShouldBe(2);
    }

    [Fact]
    public void MarkRead_KeepsTheFirstTime()
    {
        var n = New();
        n.MarkRead(Start.AddMinutes(5));

        n.MarkRead(Start.AddMinutes(9));

        n.ReadAt.ShouldBe(Start.AddMinutes(5));
    }
}
