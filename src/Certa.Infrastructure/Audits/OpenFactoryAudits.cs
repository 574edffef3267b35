using Certa.Domain.Audits;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Audits;

/// <summary>What happens to an application's open factory audit when the application ends before the audit does.</summary>
public static class OpenFactoryAudits
{
    // The column holds 2000 characters (FactoryAuditConfiguration); the application's reason is not bounded.
    private const int MaxReason = 2000;

    /// <summary>Cancels the application's planned audit, or one with open findings, in the caller's unit of work.</summary>
    public static async Task CancelOpenAsync(this DbSet<FactoryAudit> audits, Guid applicationId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        var text = reason.Length <= MaxReason ? reason : reason[..(MaxReason - 1)] + "…";
        foreach (var audit in await audits.Where(a => a.ApplicationId == applicationId
            && (a.State == FactoryAuditState.Planned || a.State == FactoryAuditState.FindingsOpen)).ToListAsync(ct))
        {
            audit.Cancel(text, at);
        }
    }
}
