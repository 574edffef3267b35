using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;

namespace Certa.Domain.Tests.Organisations;

public sealed class InvitationTests
{
    private static readonly Organisation Body = People.Body();

    private static (Invitation Invitation, string Token) Issue(params Role[] roles) =>
        Invitation.Issue(Body, " New.Person@CQC.example ", roles.Length == 0 ? [Role.Reviewer] : roles, Guid.NewGuid(), People.T0);

    [Fact]
    public void Issue_KeepsOnlyTheTokensHash_AndExpiresAfterTheLifetime()
    {
        var (invitation, token) = Issue();

        token.Length.ShouldBe(43);
        invitation.TokenHash.ShouldBe(Secrets.Hash(token));
        invitation.TokenHash.ShouldNotContain(token);
        invitation.Email.ShouldBe("new.person@cqc.example");
        invitation.Status.ShouldBe(InvitationStatus.Pending);
        invitation.ExpiresAt.ShouldBe(People.T0 + Invitation.Lifetime);
        invitation.Actions().ShouldBe(["invitation.issued"]);
    }

    [Fact]
    public void Issue_TwiceForTheSameAddress_GivesDifferentTokens() =>
        Issue().Token.ShouldNotBe(Issue().Token);

    [Fact]
    public void Issue_WithARoleThatDoesNotFit_IsRefusedAtOnce() =>
        Should.Throw<DomainException>(() => Issue(Role.LabEngineer)).Code.ShouldBe("role-not-for-organisation");

    [Fact]
    public void Issue_WithABadAddress_IsRefused() =>
        Should.Throw<DomainException>(() => Invitation.Issue(Body, "not-an-address", [Role.Reviewer], null, People.T0)).Code.ShouldBe("invalid-email");

    [Fact]
    public void WhyNotAcceptable_WithTheRightTokenBeforeExpiry_IsNull()
    {
        var (invitation, token) = Issue();

        invitation.WhyNotAcceptable(token, invitation.ExpiresAt.AddTicks(-1)).ShouldBeNull();
        invitation.WhyNotAcceptable($" {token}", People.T0).ShouldNotBeNull();
    }

    [Fact]
    public void WhyNotAcceptable_WithAnotherToken_SaysTheLinkIsNotValid()
    {
        var (invitation, _) = Issue();

        invitation.WhyNotAcceptable(Secrets.New(), People.T0).ShouldBe("This invitation link is not valid.");
        invitation.WhyNotAcceptable(string.Empty, People.T0).ShouldBe("This invitation link is not valid.");
    }

    [Fact]
    public void Accept_AtExactlyTheExpiry_IsRefused()
    {
        var (invitation, token) = Issue();

        var refused = Should.Throw<DomainException>(() => invitation.Accept(token, Body, "Li Na", Guid.NewGuid(), invitation.ExpiresAt));

        refused.Code.ShouldBe("invitation-not-acceptable");
        refused.Message.ShouldContain("expired");
        invitation.Status.ShouldBe(InvitationStatus.Pending);
    }

    [Fact]
    public void Accept_JustBeforeTheExpiry_MakesThePersonWithTheInvitedRoles()
    {
        var (invitation, token) = Issue(Role.Reviewer, Role.Auditor);
        var id = Guid.NewGuid();

        var person = invitation.Accept(token, Body, " Li Na ", id, invitation.ExpiresAt.AddTicks(-1));

        person.Id.ShouldBe(id);
        person.DisplayName.ShouldBe("Li Na");
        person.Email.ShouldBe("new.person@cqc.example");
        person.Roles.ShouldBe([Role.Reviewer, Role.Auditor]);
        person.InvitationId.ShouldBe(invitation.Id);
        person.Actions().ShouldBe(["person.joined"]);
        invitation.Status.ShouldBe(InvitationStatus.Accepted);
        invitation.Actions().ShouldBe(["invitation.issued", "invitation.accepted"]);
    }

    [Fact]
    public void Accept_Twice_IsRefused()
    {
        var (invitation, token) = Issue();
        invitation.Accept(token, Body, "Li Na", Guid.NewGuid(), People.T0);

        var refused = Should.Throw<DomainException>(() => invitation.Accept(token, Body, "Li Na", Guid.NewGuid(), People.T0));

        refused.Kind.ShouldBe(RefusalKind.Conflict);
        refused.Message.ShouldContain("already been accepted");
    }

    [Fact]
    public void Accept_WithoutAName_IsRefused_AndLeavesItPending()
    {
        var (invitation, token) = Issue();

        Should.Throw<DomainException>(() => invitation.Accept(token, Body, "  ", Guid.NewGuid(), People.T0)).Code.ShouldBe("name-required");

        invitation.Status.ShouldBe(InvitationStatus.Pending);
    }

    [Fact]
    public void Revoke_MakesTheLinkUnusable()
    {
        var (invitation, token) = Issue();
        invitation.ClearEvents();

        invitation.Revoke();

        invitation.Status.ShouldBe(InvitationStatus.Revoked);
        invitation.Actions().ShouldBe(["invitation.revoked"]);
        invitation.WhyNotAcceptable(token, People.T0)!.ShouldContain("withdrawn");
        Should.Throw<DomainException>(() => invitation.Accept(token, Body, "Li Na", Guid.NewGuid(), People.T0));
    }

    [Fact]
    public void Revoke_WhenNotPending_IsAConflict()
    {
        var (invitation, token) = Issue();
        invitation.Accept(token, Body, "Li Na", Guid.NewGuid(), People.T0);

        Should.Throw<DomainException>(invitation.Revoke).Code.ShouldBe("invitation-not-pending");
    }

    [Fact]
    public void AuditState_HoldsNoToken()
    {
        var (invitation, token) = Issue();

        var state = CanonicalJson.Serialize(invitation.AuditState());

        state.ShouldNotContain(token);
        state.ShouldNotContain(invitation.TokenHash);
    }
}
