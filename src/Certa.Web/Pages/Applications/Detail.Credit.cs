using Certa.Domain.Applications;
using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Supervision.Credit;

namespace Certa.Web.Pages.Applications;

public sealed partial class DetailModel
{
    /// <summary>The warning the body handling the application sees when the applicant's credit level flags it (ADR 017); null otherwise.</summary>
    public ApplicationFlag? CreditFlag { get; private set; }

    private async Task LoadCreditFlagAsync(Application application, CancellationToken ct) =>
        CreditFlag = IsBody ? await HttpContext.RequestServices.GetRequiredService<CreditQueries>().FlagAsync(application.ApplicantId, ct) : null;
}
