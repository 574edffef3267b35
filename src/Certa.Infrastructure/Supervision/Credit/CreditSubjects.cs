using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.Credit;

namespace Certa.Infrastructure.Supervision.Credit;

/// <summary>The kinds of credit subject as addresses and messages name them, and the organisations each kind is.</summary>
public static class CreditSubjects
{
    /// <summary><c>enterprise</c> or <c>body</c>, as in <c>/credit/enterprise/{id}</c>.</summary>
    public static string Name(CreditSubjectKind kind) => SnakeCaseNames.Of(kind.ToString());

    public static string Plural(CreditSubjectKind kind) => kind switch
    {
        CreditSubjectKind.Enterprise => "enterprises",
        CreditSubjectKind.Body => "bodies",
    };

    /// <exception cref="DomainException">The text is neither <c>enterprise</c> nor <c>body</c>.</exception>
    public static CreditSubjectKind Parse(string? text) =>
        text is not null && SnakeCaseNames.TryParse<CreditSubjectKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw DomainException.Invalid("credit-kind-unknown", $"'{text}' is not a kind of credit subject; use enterprise or body.", "kind");

    /// <summary>The organisations that have credit records of <paramref name="kind"/>: applicants (enterprises) and certification bodies.</summary>
    public static OrganisationKind Organisations(CreditSubjectKind kind) => kind switch
    {
        CreditSubjectKind.Enterprise => OrganisationKind.Applicant,
        CreditSubjectKind.Body => OrganisationKind.CertificationBody,
    };
}
