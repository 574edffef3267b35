namespace Certa.Infrastructure.Supervision.Watches;

/// <summary>
/// The one row saying which follow-up rules the stored watches were made under (<see cref="Certa.Domain.Supervision.FollowUps.FollowUpRules.WatchFingerprint"/>).
/// None, or other rules than the process's, and the watches are made again from every live certificate before they are read.
/// </summary>
public sealed class CertificateWatchRules
{
    public const int TheRow = 1;

    public int Id { get; set; } = TheRow;

    public string Fingerprint { get; set; } = string.Empty;

    public DateTimeOffset MadeAt { get; set; }
}
