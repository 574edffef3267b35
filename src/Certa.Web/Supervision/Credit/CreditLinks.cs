using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Supervision.Credit;

namespace Certa.Web.Supervision.Credit;

public static class CreditLinks
{
    public static string Page(CreditSubject subject) => $"/credit/{CreditSubjects.Name(subject.Kind)}/{Uri.EscapeDataString(subject.Id)}";

    public static string Api(CreditSubject subject) => $"/api/v1{Page(subject)}";
}
