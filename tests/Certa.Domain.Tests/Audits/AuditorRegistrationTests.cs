using Certa.Domain.Audits;
using Certa.Domain.Common;

namespace Certa.Domain.Tests.Audits;

public sealed class AuditorRegistrationTests
{
    private static readonly DateOnly Until = new(2028, 12, 31);

    private static AuditorRegistration Registered(params string[] scope) =>
        AuditorRegistration.Register(Guid.NewGuid(), "cqc", "CCAA-A-001", AuditorQualification.SeniorAuditor, scope, Until);

    [Theory]
    [InlineData("ccc.0902", "ccc.0902", true)]
    [InlineData("ccc.09", "ccc.0902", true)]
    [InlineData("ccc.09", "ccc.0701", false)]
    [InlineData("ccc.0902", "ccc.0901", false)]
    public void Competence_CoversTheProductTypesOfItsScope(string scope, string productType, bool covered) =>
        Registered(scope).IsCompetentFor(productType, Until).ShouldBe(covered);

    [Fact]
    public void Competence_EndsWithTheRegistration() =>
        Registered("ccc.09").IsCompetentFor("ccc.0902", Until.AddDays(1)).ShouldBeFalse();

    [Theory]
    [InlineData("ccc")]
    [InlineData("  ")]
    public void Scope_ThatIsNotAProductTypeOrCategory_IsRefused(string scope) =>
        Should.Throw<DomainException>(() => Registered(scope)).Code.ShouldBeOneOf("scope-invalid", "scope-required");

    [Fact]
    public void Register_RecordsAnEvent() =>
        Registered("ccc.09").PendingEvents().Single().Action.ShouldBe("auditor.registered");
}
