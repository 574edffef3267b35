namespace Certa.Infrastructure.Supervision.Publication;

/// <summary>What a public supervision notice reports: an inspection's result, or a certificate suspended or withdrawn.</summary>
public enum NoticeKind
{
    Inspection,
    Suspension,
    Withdrawal,
}
