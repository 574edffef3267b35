using Certa.Domain.Common;
using Certa.Domain.Supervision.Credit;

namespace Certa.Infrastructure.Supervision.Credit;

/// <summary>An enterprise or body as the public credit pages show it: its name (its id when Certa has no organisation by it) and its assessment now.</summary>
public sealed record CreditStanding(LocalizedText Name, CreditAssessment Assessment)
{
    public CreditSubject Subject => Assessment.Subject;
}
