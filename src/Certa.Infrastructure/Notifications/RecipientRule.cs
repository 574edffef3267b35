using Certa.Domain.Access;
using Certa.Domain.Organisations;

namespace Certa.Infrastructure.Notifications;

/// <summary>
/// Who one line of a rule tells: the active people of <see cref="Party"/> who hold one of
/// <see cref="Roles"/>, or the people whose ids the event names in <see cref="PeopleField"/>
/// (<c>reviewer</c>, <c>auditors</c>).
/// </summary>
public sealed record RecipientRule(NotifiedParty? Party, IReadOnlyList<Role> Roles, string? PeopleField)
{
    public static OrganisationKind KindOf(NotifiedParty party) => party switch
    {
        NotifiedParty.Applicant => OrganisationKind.Applicant,
        NotifiedParty.Body => OrganisationKind.CertificationBody,
        NotifiedParty.Lab => OrganisationKind.Laboratory,
    };
}
