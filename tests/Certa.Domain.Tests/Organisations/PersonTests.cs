using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;

namespace Certa.Domain.Tests.Organisations;

public sealed class PersonTests
{
    [Fact]
    public void Join_RecordsJoined_WithTheOrganisationAndRoles()
    {
        var person = People.Join(People.Body(), Role.Reviewer, Role.Auditor, Role.Reviewer);

        person.Actions().ShouldBe(["person.joined"]);
        person.Roles.ShouldBe([Role.Reviewer, Role.Auditor]);
        person.IsActive.ShouldBeTrue();
        person.OrganisationId.ShouldBe("cqc");
        CanonicalJson.Serialize(person.PendingEvents()[0].Details).ShouldContain("\"roles\":[\"reviewer\",\"auditor\"]");
    }

    [Fact]
    public void Join_KeepsTheEmailNormalized() =>
        Person.Join(Guid.NewGuid(), People.Body(), "Li Na", "  Li.Na@CQC.example ", [Role.Reviewer], People.T0).Email.ShouldBe("li.na@cqc.example");

    [Fact]
    public void Join_WithoutARole_IsRefused() =>
        Should.Throw<DomainException>(() => People.Join(People.Body())).Code.ShouldBe("role-required");

    [Fact]
    public void Join_WithARoleOfAnotherKind_IsRefusedNamingTheMisfitAndTheRolesThatFit()
    {
        var refused = Should.Throw<DomainException>(() => People.Join(People.Body(), Role.Reviewer, Role.LabEngineer));

        refused.Code.ShouldBe("role-not-for-organisation");
        refused.Field.ShouldBe("roles");
        refused.Message.ShouldContain("lab_engineer is not a role in a certification_body");
        refused.Message.ShouldContain("body_admin");
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndKind))]
    public void Join_AcceptsExactlyTheRolesThatFitTheKind(Role role, OrganisationKind kind)
    {
        var organisation = People.Of(kind);

        if (role.FitsKind(kind))
        {
            People.Join(organisation, role).Roles.ShouldBe([role]);
        }
        else
        {
            Should.Throw<DomainException>(() => People.Join(organisation, role)).Code.ShouldBe("role-not-for-organisation");
        }
    }

    public static TheoryData<Role, OrganisationKind> EveryRoleAndKind() => People.EveryPair<Role, OrganisationKind>();

    [Fact]
    public void EveryKind_HasAtLeastOneAdminRole() =>
        Enum.GetValues<OrganisationKind>().ShouldAllBe(kind =>
            Roles.For(kind).Any(r => r == Role.BodyAdmin || r == Role.OrganisationAdmin || r == Role.PlatformAdmin));

    [Fact]
    public void SetRoles_RecordsBeforeAndAfter()
    {
        var body = People.Body();
        var admin = People.Saved(body, Role.BodyAdmin);
        var person = People.Saved(body, Role.Reviewer);

        person.SetRoles([Role.DecisionMaker, Role.Reviewer], body, admin.Id);

        person.Actions().ShouldBe(["person.roles_changed"]);
        CanonicalJson.Serialize(person.PendingEvents()[0].Details)
            .ShouldBe("""{"after":["reviewer","decision_maker"],"before":["reviewer"]}""");
    }

    [Fact]
    public void SetRoles_ToTheSameRoles_RecordsNothing()
    {
        var body = People.Body();
        var person = People.Saved(body, Role.Reviewer, Role.Auditor);

        person.SetRoles([Role.Auditor, Role.Reviewer], body, Guid.NewGuid());

        person.PendingEvents().ShouldBeEmpty();
    }

    [Fact]
    public void SetRoles_RemovingOnesOwnAdminRole_IsRefused_AndChangesNothing()
    {
        var body = People.Body();
        var admin = People.Saved(body, Role.BodyAdmin);

        var refused = Should.Throw<DomainException>(() => admin.SetRoles([Role.Reviewer], body, admin.Id));

        refused.Code.ShouldBe("own-admin-role");
        refused.Kind.ShouldBe(RefusalKind.Conflict);
        admin.Roles.ShouldBe([Role.BodyAdmin]);
        admin.PendingEvents().ShouldBeEmpty();
    }

    [Fact]
    public void SetRoles_KeepingOnesOwnAdminRole_IsAllowed()
    {
        var lab = People.Lab();
        var admin = People.Saved(lab, Role.OrganisationAdmin);

        admin.SetRoles([Role.OrganisationAdmin, Role.LabEngineer], lab, admin.Id);

        admin.Roles.ShouldBe([Role.LabEngineer, Role.OrganisationAdmin]);
    }

    [Fact]
    public void SetRoles_AnotherAdminMayRemoveAnAdminRole()
    {
        var body = People.Body();
        var admin = People.Saved(body, Role.BodyAdmin);
        var other = People.Saved(body, Role.BodyAdmin);

        other.SetRoles([Role.Reviewer], body, admin.Id);

        other.Roles.ShouldBe([Role.Reviewer]);
    }

    [Fact]
    public void SetRoles_ThroughAnotherOrganisation_IsRefusedNamingBoth()
    {
        var person = People.Saved(People.Body(), Role.Reviewer);

        var refused = Should.Throw<DomainException>(() => person.SetRoles([Role.LabEngineer], People.Lab(), null));

        refused.Code.ShouldBe("other-organisation");
        refused.Kind.ShouldBe(RefusalKind.Forbidden);
        refused.Message.ShouldContain("'cqc'");
        refused.Message.ShouldContain("'lab-cttl'");
    }

    [Fact]
    public void SetRoles_ToNone_IsRefused() =>
        Should.Throw<DomainException>(() => People.Saved(People.Body(), Role.Reviewer).SetRoles([], People.Body(), null)).Code.ShouldBe("role-required");

    [Fact]
    public void Deactivate_Oneself_IsRefused_AndChangesNothing()
    {
        var admin = People.Saved(People.Body(), Role.BodyAdmin);

        Should.Throw<DomainException>(() => admin.Deactivate(admin.Id)).Code.ShouldBe("deactivate-self");

        admin.IsActive.ShouldBeTrue();
        admin.PendingEvents().ShouldBeEmpty();
    }

    [Fact]
    public void Deactivate_ThenReactivate_RecordsBoth()
    {
        var person = People.Saved(People.Body(), Role.Reviewer);

        person.Deactivate(Guid.NewGuid());
        person.IsActive.ShouldBeFalse();
        person.Reactivate();

        person.IsActive.ShouldBeTrue();
        person.Actions().ShouldBe(["person.deactivated", "person.reactivated"]);
    }

    [Fact]
    public void Deactivate_Twice_IsAConflict()
    {
        var person = People.Saved(People.Body(), Role.Reviewer);
        person.Deactivate(null);

        Should.Throw<DomainException>(() => person.Deactivate(null)).Code.ShouldBe("already-deactivated");
    }

    [Fact]
    public void Reactivate_WhenActive_IsAConflict() =>
        Should.Throw<DomainException>(() => People.Saved(People.Body(), Role.Reviewer).Reactivate()).Code.ShouldBe("already-active");

    [Theory]
    [InlineData(CredentialChange.PasswordChanged, "person.password_changed")]
    [InlineData(CredentialChange.TwoFactorEnabled, "person.two_factor_enabled")]
    [InlineData(CredentialChange.TwoFactorDisabled, "person.two_factor_disabled")]
    public void NoteCredentialChange_RecordsTheChange_WithoutTheCredential(CredentialChange change, string action)
    {
        var person = People.Saved(People.Body(), Role.Reviewer);

        person.NoteCredentialChange(change);

        person.Actions().ShouldBe([action]);
        CanonicalJson.Serialize(person.AuditState()).ShouldNotContain("password", Case.Insensitive);
    }
}
