using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Tests.Organisations;

namespace Certa.Domain.Tests.Access;

public sealed class ActorTests
{
    private static readonly Organisation Cqc = People.Body("cqc");

    private static Actor PersonIn(Organisation organisation, params Role[] roles) => Actor.ForPerson(People.Saved(organisation, roles), organisation);

    [Fact]
    public void Require_ForAnotherOrganisation_IsForbidden_NamingBothOrganisations()
    {
        var admin = PersonIn(Cqc, Role.BodyAdmin);

        var refused = Should.Throw<DomainException>(() => admin.Require(Permission.PeopleManage, "cnca"));

        refused.Kind.ShouldBe(RefusalKind.Forbidden);
        refused.Code.ShouldBe("other-organisation");
        refused.Message.ShouldContain("'cnca'");
        refused.Message.ShouldContain("'cqc'");
    }

    [Fact]
    public void Require_ForTheOwnOrganisation_Passes() =>
        Should.NotThrow(() => PersonIn(Cqc, Role.BodyAdmin).Require(Permission.PeopleManage, "cqc"));

    [Fact]
    public void Require_WithoutThePermission_IsForbiddenEvenForTheOwnOrganisation()
    {
        var refused = Should.Throw<DomainException>(() => PersonIn(Cqc, Role.Reviewer).Require(Permission.PeopleManage, "cqc"));

        refused.Kind.ShouldBe(RefusalKind.Forbidden);
        refused.Code.ShouldBe("not-permitted");
        refused.Message.ShouldContain("manage these people");
    }

    [Fact]
    public void May_WithAnyReach_CoversEveryOrganisation()
    {
        var officer = PersonIn(People.Of(OrganisationKind.Authority, "cnca"), Role.AuthorityOfficer);

        officer.May(Permission.AuditRead, "cqc").ShouldBeTrue();
        officer.May(Permission.OrganisationsRead, "demo-customs").ShouldBeTrue();
        officer.May(Permission.PeopleRead, "cnca").ShouldBeFalse();
    }

    [Fact]
    public void Person_IsNamedInTheAuditTrailByItsId()
    {
        var person = People.Saved(Cqc, Role.Reviewer);

        var actor = Actor.ForPerson(person, Cqc);

        actor.AuditName.ShouldBe($"person:{person.Id}");
        actor.PersonId.ShouldBe(person.Id);
        actor.OrganisationId.ShouldBe("cqc");
    }

    [Fact]
    public void Client_ReachesOnlyWithItsScopes_AndOnlyInItsOrganisation()
    {
        var customs = People.Of(OrganisationKind.Verifier, "demo-customs");
        var (key, _) = ApiKey.Issue(customs, "gateway", [Permission.OrganisationsRead], null, People.T0, null);

        var client = Actor.ForClient(key, customs);

        client.AuditName.ShouldBe($"client:{key.Id}");
        client.PersonId.ShouldBeNull();
        client.May(Permission.OrganisationsRead, "demo-customs").ShouldBeTrue();
        client.May(Permission.OrganisationsRead, "cqc").ShouldBeFalse();
        client.ReachOf(Permission.ProfileRead).ShouldBe(Reach.Own, "every key may ask who it is");
        client.ReachOf(Permission.AuditRead).ShouldBe(Reach.None);
        client.ReachOf(Permission.PeopleManage).ShouldBe(Reach.None);
    }

    [Fact]
    public void AnAuthoritysClient_ReachesNoFurtherThanItsOfficers()
    {
        var cnca = People.Of(OrganisationKind.Authority, "cnca");
        var (key, _) = ApiKey.Issue(cnca, "supervision", [Permission.AuditRead, Permission.OrganisationsRead], null, People.T0, null);

        var client = Actor.ForClient(key, cnca);

        client.ReachOf(Permission.AuditRead).ShouldBe(Reach.Any);
        client.ReachOf(Permission.OrganisationsRead).ShouldBe(Reach.Any);
    }

    [Fact]
    public void CommandLineAndSystem_ReachEverywhere()
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            Actor.CommandLine("ops").May(permission, "cqc").ShouldBeTrue();
            Actor.System.May(permission, "cqc").ShouldBeTrue();
        }

        Actor.CommandLine("ops").AuditName.ShouldBe("cli:ops");
        Actor.System.AuditName.ShouldBe("system");
    }
}
