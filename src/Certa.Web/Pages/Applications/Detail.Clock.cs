using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Infrastructure.Applications;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Applications;

/// <summary>
/// The application page's clock (<c>_Clock.cshtml</c>): each step of the scheme's procedure with its
/// expected end, when done steps actually ran, the overdue step, and the completion date the applicant
/// can expect now — the same estimate the API gives.
/// </summary>
public sealed partial class DetailModel
{
    /// <summary>The clock, or null for a final application.</summary>
    public ApplicationTimeline? Clock { get; private set; }

    public IReadOnlyDictionary<string, LocalizedText> StepNames { get; private set; } = new Dictionary<string, LocalizedText>();

    private async Task LoadClockAsync(Application application, SchemeProcedures procedures, TimeProvider time, CancellationToken ct)
    {
        if (application.State.IsFinal())
        {
            return;
        }

        var productType = await db.ProductTypes.AsNoTracking().FirstAsync(p => p.Id == application.ProductTypeId, ct);
        var process = await procedures.ForAsync(productType, ct);
        Clock = application.Timeline(process.Steps, time.GetUtcNow());
        StepNames = process.StepNames;
    }
}
