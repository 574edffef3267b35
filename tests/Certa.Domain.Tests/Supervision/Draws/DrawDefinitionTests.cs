using Certa.Domain.Common;
using Certa.Domain.Supervision.Draws;

namespace Certa.Domain.Tests.Supervision.Draws;

public class DrawDefinitionTests
{
    private readonly DrawBuilder draw = new();

    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    [InlineData("1.01")]
    [InlineData("0.0000001")]
    public void Rate_OutOfRange_IsRefused(string rate)
    {
        var refusal = Should.Throw<DomainException>(() => DrawSample.OfRate(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

        refusal.Code.ShouldBe("draw-sample-rate-invalid");
        refusal.Message.ShouldContain(rate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Size_BelowOne_IsRefused(int size) =>
        Should.Throw<DomainException>(() => DrawSample.OfSize(size)).Code.ShouldBe("draw-sample-size-invalid");

    [Fact]
    public void EmptyPool_IsRefused() =>
        Should.Throw<DomainException>(() => (draw with { Pool = [] }).Definition()).Code.ShouldBe("draw-pool-empty");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void InspectorsPerTarget_BelowOne_IsRefused(int perTarget)
    {
        var refusal = Should.Throw<DomainException>(() => (draw with { InspectorsPerTarget = perTarget }).Definition());

        refusal.Code.ShouldBe("draw-inspectors-per-target-invalid");
        refusal.Kind.ShouldBe(RefusalKind.Invalid);
    }

    [Fact]
    public void AnInspectorTwiceInThePool_IsRefused() =>
        Should.Throw<DomainException>(() => (draw with { Pool = [new("a", "cqc"), new("a", "cccf")] }).Definition()).Code.ShouldBe("draw-inspector-duplicate");

    [Fact]
    public void ACertificateTwiceInTheSnapshot_IsRefused() =>
        Should.Throw<DomainException>(() => (draw with { Candidates = [DrawBuilder.Candidate(1), DrawBuilder.Candidate(1)] }).Inputs())
            .Code.ShouldBe("draw-candidate-duplicate");

    [Fact]
    public void ABlankPublicRandomValue_IsRefused() =>
        Should.Throw<DomainException>(() => (draw with { PublicRandom = " " }).Inputs()).Code.ShouldBe("draw-public-random-missing");

    [Fact]
    public void RecentAuditYears_BelowOne_IsRefused() =>
        Should.Throw<DomainException>(() => new DrawExclusions(recentAuditYears: 0)).Code.ShouldBe("draw-recent-audit-years-invalid");

    [Fact]
    public void ABlankId_IsRefused_NamingTheField() =>
        Should.Throw<DomainException>(() => new DrawInspector("i1", "")).Message.ShouldContain("organisation of inspector i1");
}
