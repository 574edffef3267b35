using Certa.Domain.Access;
using Certa.Infrastructure.Notifications;
using Certa.Infrastructure.ReferenceData;
using Certa.Testing;

namespace Certa.Integration.Tests.Notifications;

/// <summary><c>data/notifications.yaml</c> is read and checked: a fault is refused with its line and what is allowed.</summary>
public sealed class NotificationRulesTests
{
    private const string Valid = """
        notifications:
          - action: application.submit
            notify:
              - { party: body, roles: [application_handler] }
            link: /applications/{application}
            subject: { en: "Submitted: {product}", zh: "已提交：{product}" }
            text: { en: "{applicant} submitted.", zh: "{applicant} 已提交。" }
        """;

    [Fact]
    public void RepositoryFile_Loads_AndTellsTheBodysHandlersOfASubmission()
    {
        var rules = NotificationRules.Load(CertaTestApp.RepositoryDataDirectory);

        var submit = rules.For("application.submit").ShouldNotBeNull();
        var recipient = submit.Recipients.ShouldHaveSingleItem();
        recipient.Party.ShouldBe(NotifiedParty.Body);
        recipient.Roles.ShouldBe([Role.ApplicationHandler]);
        rules.For("test_order.placed").ShouldNotBeNull().Recipients.Single().Party.ShouldBe(NotifiedParty.Lab);
        rules.For("application.reviewer_assigned").ShouldNotBeNull().Recipients.Single().PeopleField.ShouldBe("reviewer");
        rules.For("factory_audit.planned").ShouldNotBeNull().Recipients.Count.ShouldBe(2);
    }

    [Fact]
    public void UnknownAction_TellsNobody() =>
        NotificationRules.Parse("n.yaml", Valid).For("application.teleported").ShouldBeNull();

    [Theory]
    [InlineData("roles: [application_handler]", "roles: [handler]", "'handler' is not a role")]
    [InlineData("party: body, roles: [application_handler]", "party: lab, roles: [application_handler]", "'application_handler' is not a role in a laboratory")]
    [InlineData("party: body", "party: customs", "'customs' is not a party")]
    [InlineData("{product}\", zh", "{prodcut}\", zh", "'{prodcut}' is not a placeholder")]
    [InlineData("{ party: body, roles: [application_handler] }", "{ party: body }", "say which roles")]
    [InlineData("link: /applications/{application}", "link: https://elsewhere.example/", "must be a path in Certa")]
    [InlineData("zh: \"{applicant} 已提交。\"", "zz: \"{applicant} 已提交。\"", "unknown field 'zz'")]
    public void FaultyRule_IsRefused_WithItsLineAndWhatIsAllowed(string part, string replacement, string reason)
    {
        Valid.ShouldContain(part);

        var refused = Should.Throw<ReferenceDataException>(() => NotificationRules.Parse("n.yaml", Valid.Replace(part, replacement)));

        var error = refused.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe("n.yaml");
        error.Line.ShouldBeGreaterThan(1);
        error.Reason.ShouldContain(reason);
    }

    [Fact]
    public void TwoRulesForOneAction_AreRefused()
    {
        var twice = Valid + "\n" + Valid[Valid.IndexOf("  - action", StringComparison.Ordinal)..];

        Should.Throw<ReferenceDataException>(() => NotificationRules.Parse("n.yaml", twice)).Errors.Single().Reason.ShouldContain("has a rule already");
    }

    [Fact]
    public void Fill_PutsEachValueInItsPlace_AndAnUnknownOneEmpty() =>
        NotificationRules.Fill("{product} ({model}) {reason}.", new Dictionary<string, string> { ["product"] = "Laptop", ["model"] = "X14" })
            .ShouldBe("Laptop (X14) .");
}
