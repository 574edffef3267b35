using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Declarations;
using Certa.Domain.Registry;
using static Certa.Domain.Tests.Builders.Registry;

namespace Certa.Domain.Tests.Declarations;

public sealed class DeclarationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly ProductDetails Fuse = ProductDetails.Of(new LocalizedText("Fuse-link"), "RT18-32", [], null);
    private static readonly Party Maker = Party.Of(new LocalizedText("Maker"), new LocalizedText("1 Road"), "manufacturer");

    private static TypeTestReport Report(string? lab, DateOnly? on = null) =>
        TypeTestReport.Of(lab, "Lab", "TR-1", on ?? new DateOnly(2026, 11, 20), new string('a', 64), "report.pdf");

    private static Declaration File(ProductMode mode, string? lab, bool designated, DateOnly? reportOn = null) =>
        Declaration.File(Guid.NewGuid(), "SD20260205000001", "maker", Product(code: "0205", category: 2, mode: mode), Fuse, Maker, Maker,
            Report(lab, reportOn), designated, T0);

    [Fact]
    public void SelfDeclarationB_WithADesignatedLab_IsFiled()
    {
        var declaration = File(ProductMode.SdocB, "lab-tilva", designated: true);

        declaration.State.ShouldBe(DeclarationState.Filed);
        declaration.PendingEvents().Single().Action.ShouldBe("declaration.filed");
    }

    [Theory]
    [InlineData("lab-cttl", false)]
    [InlineData(null, false)]
    public void SelfDeclarationB_WithoutADesignatedLab_IsRefused(string? lab, bool designated) =>
        Should.Throw<DomainException>(() => File(ProductMode.SdocB, lab, designated)).Code.ShouldBe("lab-not-designated");

    [Fact]
    public void SelfDeclarationA_TakesAnyLab() =>
        File(ProductMode.SdocA, null, designated: false).Mode.ShouldBe(ProductMode.SdocA);

    [Fact]
    public void AThirdPartyProduct_CannotBeSelfDeclared() =>
        Should.Throw<DomainException>(() => File(ProductMode.ThirdParty, "lab-tilva", designated: true)).Code.ShouldBe("not-self-declared");

    [Fact]
    public void AReportDatedInTheFuture_IsRefused() =>
        Should.Throw<DomainException>(() => File(ProductMode.SdocA, null, false, new DateOnly(2026, 12, 1))).Code.ShouldBe("report-date-in-the-future");

    [Fact]
    public void Withdraw_NeedsAReason_AndHappensOnce()
    {
        var declaration = File(ProductMode.SdocA, null, false);

        Should.Throw<DomainException>(() => declaration.Withdraw(" ", T0)).Code.ShouldBe("reason-required");
        declaration.Withdraw("Discontinued", T0);
        Should.Throw<DomainException>(() => declaration.Withdraw("Again", T0)).Code.ShouldBe("declaration-withdrawn");
        declaration.State.ShouldBe(DeclarationState.Withdrawn);
    }
}
