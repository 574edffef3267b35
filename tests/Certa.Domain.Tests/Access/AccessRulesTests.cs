using Certa.Domain.Access;
using Certa.Domain.Organisations;

namespace Certa.Domain.Tests.Access;

public sealed class AccessRulesTests
{
    [Fact]
    public void EveryPermission_IsGrantedToAtLeastOneRole()
    {
        var ungranted = Enum.GetValues<Permission>().Where(p => Roles.All.All(r => AccessRules.ReachOf(r, p) == Reach.None)).ToList();

        ungranted.ShouldBeEmpty($"granted to nobody: {string.Join(", ", ungranted)}");
    }

    [Fact]
    public void EveryRole_MayReadItsOwnProfileAndOrganisation()
    {
        foreach (var role in Roles.All)
        {
            AccessRules.ReachOf(role, Permission.ProfileRead).ShouldBe(Reach.Own, role.Name());
            AccessRules.ReachOf(role, Permission.OrganisationsRead).ShouldNotBe(Reach.None, role.Name());
        }
    }

    [Fact]
    public void PlatformAdmin_ReachesEveryOrganisation_ExceptForOthersKeys_AndTakesNoPartInCertification()
    {
        var expected = new Dictionary<Permission, Reach>
        {
            [Permission.ProfileRead] = Reach.Own,
            [Permission.NotificationsRead] = Reach.Own,
            [Permission.OrganisationsRead] = Reach.Any,
            [Permission.OrganisationsCreate] = Reach.Any,
            [Permission.PeopleRead] = Reach.Any,
            [Permission.PeopleManage] = Reach.Any,
            [Permission.AuditRead] = Reach.Any,
            [Permission.AuditVerify] = Reach.Any,
        };

        foreach (var permission in Enum.GetValues<Permission>())
        {
            AccessRules.ReachOf(Role.PlatformAdmin, permission).ShouldBe(expected.GetValueOrDefault(permission, Reach.None), permission.ToString());
        }
    }

    [Fact]
    public void OnlyThePlatformAdmin_CreatesOrganisations() =>
        Roles.All.Where(r => AccessRules.ReachOf(r, Permission.OrganisationsCreate) != Reach.None).ShouldBe([Role.PlatformAdmin]);

    [Fact]
    public void Admins_ReachOnlyTheirOwnOrganisation()
    {
        foreach (var role in new[] { Role.BodyAdmin, Role.OrganisationAdmin })
        {
            foreach (var permission in new[] { Permission.PeopleRead, Permission.PeopleManage, Permission.ApiKeysManage, Permission.AuditRead })
            {
                AccessRules.ReachOf(role, permission).ShouldBe(Reach.Own, $"{role.Name()} {permission}");
            }

            AccessRules.ReachOf(role, Permission.AuditVerify).ShouldBe(Reach.None);
        }
    }

    [Fact]
    public void ReachOfSeveralRoles_IsTheWidest()
    {
        AccessRules.ReachOf([Role.AuthorityOfficer, Role.OrganisationAdmin], Permission.AuditRead).ShouldBe(Reach.Any);
        AccessRules.ReachOf([Role.Reviewer, Role.BodyAdmin], Permission.PeopleManage).ShouldBe(Reach.Own);
        AccessRules.ReachOf([], Permission.ProfileRead).ShouldBe(Reach.None);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ScopesFor_NeverIncludesWhatManagesPeopleKeysOrOrganisations(OrganisationKind kind)
    {
        var scopes = AccessRules.ScopesFor(kind);

        scopes.ShouldNotContain(Permission.PeopleManage);
        scopes.ShouldNotContain(Permission.ApiKeysManage);
        scopes.ShouldNotContain(Permission.OrganisationsCreate);
        scopes.ShouldContain(Permission.ProfileRead);
        scopes.ShouldContain(Permission.OrganisationsRead);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ScopesFor_GivesNoMoreThanTheKindsPeopleHave(OrganisationKind kind)
    {
        foreach (var scope in AccessRules.ScopesFor(kind))
        {
            AccessRules.ScopeReach(kind, scope).ShouldNotBe(Reach.None);
            Roles.For(kind).ShouldContain(r => AccessRules.ReachOf(r, scope) != Reach.None, $"{kind} {scope}");
        }
    }

    [Fact]
    public void ScopesFor_AVerifier_AreReadsOfItsOwnOrganisation() =>
        // Organisation admins exist in every kind but the body, so a verifier's key may also hold applications_read and
        // certificates_read: own reach, and a verifier is party to no application and holds no certificate.
        AccessRules.ScopesFor(OrganisationKind.Verifier).Where(p => p is not (Permission.ApplicationsRead or Permission.CertificatesRead))
            .ShouldBe([Permission.ProfileRead, Permission.OrganisationsRead, Permission.PeopleRead, Permission.AuditRead]);

    [Fact]
    public void ScopesFor_AnAuthority_IncludeVerifyingTheChain() =>
        AccessRules.ScopesFor(OrganisationKind.Authority).ShouldContain(Permission.AuditVerify);

    public static TheoryData<OrganisationKind> Kinds() => [.. Enum.GetValues<OrganisationKind>()];

    [Fact]
    public void RoleNames_ParseBack_IgnoringCase()
    {
        foreach (var role in Roles.All)
        {
            Roles.TryParse(role.Name(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(role);
            Roles.TryParse($" {role.Name().ToUpperInvariant()} ", out parsed).ShouldBeTrue();
            parsed.ShouldBe(role);
        }
    }

    [Theory]
    [InlineData("wizard")]
    [InlineData("1")]
    [InlineData("")]
    public void RolesParse_RefusesTheFirstUnknownName_ListingTheKnownOnes(string name)
    {
        var refused = Should.Throw<Certa.Domain.Common.DomainException>(() => Roles.Parse(["reviewer", name, "also-unknown"]));

        refused.Code.ShouldBe("unknown-role");
        refused.Message.ShouldContain($"'{name}'");
        refused.Message.ShouldContain("platform_admin, body_admin");
        refused.Message.ShouldNotContain("also-unknown");
    }
}
