using Certa.Domain.Common;
using Certa.Domain.Organisations;

namespace Certa.Domain.Tests.Organisations;

public sealed class OrganisationTests
{
    [Theory]
    [InlineData("cq")]
    [InlineData("cqc")]
    [InlineData("lab-cttl")]
    [InlineData("0day")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Create_WithAValidSlug_KeepsIt(string id) =>
        Organisation.Create(id, OrganisationKind.Applicant, new LocalizedText("Acme"), null, null, People.T0).Id.ShouldBe(id);

    [Fact]
    public void Create_WithSpaceAroundTheSlug_TrimsIt() =>
        Organisation.Create("  acme ", OrganisationKind.Applicant, new LocalizedText("Acme"), null, null, People.T0).Id.ShouldBe("acme");

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("CQC")]
    [InlineData("-cqc")]
    [InlineData("cq_c")]
    [InlineData("cq c")]
    [InlineData("cqc.example")]
    [InlineData("认证")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Create_WithABadSlug_IsRefusedNamingIt(string id)
    {
        var refused = Should.Throw<DomainException>(() =>
            Organisation.Create(id, OrganisationKind.Applicant, new LocalizedText("Acme"), null, null, People.T0));

        refused.Code.ShouldBe("invalid-organisation-id");
        refused.Kind.ShouldBe(RefusalKind.Invalid);
        refused.Field.ShouldBe("id");
        refused.Message.ShouldContain($"'{id}'");
    }

    [Theory]
    [InlineData("people")]
    [InlineData("api-keys")]
    public void Create_WithAnIdThatNamesAPage_IsRefused(string id)
    {
        var refused = Should.Throw<DomainException>(() =>
            Organisation.Create(id, OrganisationKind.Applicant, new LocalizedText("Acme"), null, null, People.T0));

        refused.Code.ShouldBe("reserved-organisation-id");
        refused.Field.ShouldBe("id");
    }

    [Theory]
    [InlineData(OrganisationKind.CertificationBody)]
    [InlineData(OrganisationKind.Laboratory)]
    public void Create_BodyOrLabWithoutRegistryLink_IsRefused(OrganisationKind kind)
    {
        foreach (var registry in new[] { null, "", "   " })
        {
            var refused = Should.Throw<DomainException>(() => Organisation.Create("cqc", kind, new LocalizedText("CQC"), registry, "CN", People.T0));

            refused.Code.ShouldBe("registry-link-required");
            refused.Field.ShouldBe("registryId");
        }
    }

    [Theory]
    [InlineData(OrganisationKind.Applicant)]
    [InlineData(OrganisationKind.Authority)]
    [InlineData(OrganisationKind.Verifier)]
    [InlineData(OrganisationKind.PlatformOperator)]
    public void Create_OtherKindsWithoutRegistryLink_AreAccepted(OrganisationKind kind) =>
        Organisation.Create("acme", kind, new LocalizedText("Acme"), "  ", null, People.T0).RegistryId.ShouldBeNull();

    [Theory]
    [InlineData("cn", "CN")]
    [InlineData(" sa ", "SA")]
    [InlineData(null, null)]
    [InlineData("", null)]
    public void Create_Country_IsUpperCasedOrLeftEmpty(string? country, string? expected) =>
        Organisation.Create("acme", OrganisationKind.Applicant, new LocalizedText("Acme"), null, country, People.T0).Country.ShouldBe(expected);

    [Theory]
    [InlineData("CHN")]
    [InlineData("C")]
    [InlineData("C1")]
    [InlineData("中国")]
    public void Create_WithABadCountry_IsRefusedNamingIt(string country)
    {
        var refused = Should.Throw<DomainException>(() =>
            Organisation.Create("acme", OrganisationKind.Applicant, new LocalizedText("Acme"), null, country, People.T0));

        refused.Code.ShouldBe("invalid-country");
        refused.Message.ShouldContain($"'{country}'");
    }

    [Fact]
    public void Create_WithoutAnEnglishName_IsRefused() =>
        Should.Throw<DomainException>(() => Organisation.Create("acme", OrganisationKind.Applicant, new LocalizedText(" ", "某公司"), null, null, People.T0))
            .Code.ShouldBe("name-required");

    [Fact]
    public void Create_RecordsOneCreatedEvent()
    {
        var organisation = People.Body();

        organisation.Actions().ShouldBe(["organisation.created"]);
        organisation.EntityType.ShouldBe("organisation");
        organisation.EntityKey.ShouldBe("cqc");
    }

    [Fact]
    public void Rename_ToTheSameName_RecordsNothing_AndToAnotherName_RecordsRenamed()
    {
        var organisation = People.Body();
        organisation.ClearEvents();

        organisation.Rename(new LocalizedText("China Quality Certification Centre"));
        organisation.PendingEvents().ShouldBeEmpty();

        organisation.Rename(new LocalizedText("CQC", "中国质量认证中心"));
        organisation.Actions().ShouldBe(["organisation.renamed"]);
        organisation.Name.Zh.ShouldBe("中国质量认证中心");
    }
}
