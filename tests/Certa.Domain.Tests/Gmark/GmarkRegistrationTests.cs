using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Gmark;

namespace Certa.Domain.Tests.Gmark;

public class GmarkRegistrationTests
{
    private const string Toys = "BD-131704-01";
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> Gcc = ["AE", "BH", "KW", "OM", "QA", "SA"];
    private static readonly GctsTerms ToyTerms = new(Toys, 3, 5, AgeGradingRequired: true, Gcc);

    private static GmarkDetails ToyDetails(int years = 3, string hsCode = "95030090", string? ageGrading = "3+", string[]? countries = null) =>
        GmarkDetails.Of("gcc-gmark.TOY-01", Toys, ProductDetails.Of(new LocalizedText("Plush bear"), "PB-1", null, "Bearly"), hsCode,
            new Party(new LocalizedText("Example Toys Ltd"), new LocalizedText("1 Toy Road, Shantou")),
            new Party(new LocalizedText("Example Toy Factory"), new LocalizedText("2 Toy Road, Shantou")),
            countries ?? ["sa", "AE"], ["EN 71-1", "EN 71-2", "EN 71-3"], ageGrading, years, null);

    private static GmarkRegistration Registered(GmarkDetails? details = null) =>
        GmarkRegistration.Register(Guid.NewGuid(), GctsCode.Create("9901", 2026, 1), "cqc", "demo-laptop-maker", "gcc-gmark", details ?? ToyDetails(), ToyTerms,
            "person:nb", At);

    [Fact]
    public void Register_GivesTheGctsCode_AndRecordsTheEvent()
    {
        var registration = Registered();

        (registration.Gcts, registration.State).ShouldBe(("9901-2026-000001-54", GmarkState.Registered));
        registration.Details.TargetCountries.ShouldBe(["SA", "AE"]);
        registration.PendingEvents().Select(e => e.Action).ShouldBe(["gmark.registered"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AToy_ForLessThanThreeYears_IsRefused(int years)
    {
        var refusal = Should.Throw<DomainException>(() => Registered(ToyDetails(years)));

        (refusal.Code, refusal.Field).ShouldBe(("validity-too-short", "validityYears"));
        refusal.Message.ShouldContain($"{years} is too short");
    }

    [Theory]
    [InlineData(6, "95030090", "3+", "validity-too-long")]
    [InlineData(3, "9503", "3+", "hs-code-invalid")]
    [InlineData(3, "95030090", null, "age-grading-required")]
    public void DetailsTheTermsRefuse_AreRefused_NamingTheCause(int years, string hsCode, string? ageGrading, string code) =>
        Should.Throw<DomainException>(() => Registered(ToyDetails(years, hsCode, ageGrading))).Code.ShouldBe(code);

    [Fact]
    public void ACountryOutsideTheGcc_IsRefused() =>
        Should.Throw<DomainException>(() => Registered(ToyDetails(countries: ["SA", "CN"]))).Message.ShouldContain("'CN'");

    [Fact]
    public void TheWholeFlow_RejectCorrectResubmitApproveActivate_KeepsItsHistory()
    {
        var registration = Registered();

        registration.Submit("person:nb", At.AddHours(1));
        registration.Reject("Age grading missing on the label", "GSO", "GSO", "person:gso", At.AddHours(2));
        registration.RejectedBecause.ShouldBe("Age grading missing on the label");
        registration.Correct(ToyDetails(4), ToyTerms, "person:nb", At.AddHours(3));
        registration.Submit("person:nb", At.AddHours(4));
        registration.RejectedBecause.ShouldBeNull();
        registration.Approve("GSO", "GSO", "person:gso", At.AddHours(5));
        var certificate = Domain.Certificates.Certificate.IssueRegistered(Guid.NewGuid(), registration.Gcts,
            registration.CertificateContent(new LocalizedText("Demo"), LocalizedText.Empty), registration.Details.ValidityYears, At.AddHours(6), 1, "gmark");
        registration.Activate(certificate, "person:nb", At.AddHours(6));

        registration.State.ShouldBe(GmarkState.Active);
        registration.CertificateId.ShouldBe(certificate.Id);
        certificate.ValidUntil.ShouldBe(new DateOnly(2030, 11, 26));
        registration.History.Select(h => h.State).ShouldBe(
            [GmarkState.Registered, GmarkState.Submitted, GmarkState.Rejected, GmarkState.Submitted, GmarkState.Approved, GmarkState.Active]);
        registration.PendingEvents().Select(e => e.Action).ShouldBe(
            ["gmark.registered", "gmark.submitted", "gmark.rejected", "gmark.corrected", "gmark.submitted", "gmark.approved", "gmark.activated"]);
    }

    [Fact]
    public void AnOfficerOfAnotherAuthority_CannotApproveOrReject()
    {
        var registration = Registered();
        registration.Submit("person:nb", At);

        Should.Throw<DomainException>(() => registration.Approve("CNCA", "GSO", "person:cnca", At)).Code.ShouldBe("not-the-scheme-authority");
        Should.Throw<DomainException>(() => registration.Reject("no", "CNCA", "GSO", "person:cnca", At)).Code.ShouldBe("not-the-scheme-authority");
        registration.State.ShouldBe(GmarkState.Submitted);
    }

    [Fact]
    public void ARejection_NeedsAReason()
    {
        var registration = Registered();
        registration.Submit("person:nb", At);

        Should.Throw<DomainException>(() => registration.Reject("  ", "GSO", "GSO", "person:gso", At)).Code.ShouldBe("reason-required");
    }

    [Fact]
    public void StepsOutOfOrder_AreRefused_WithTheState()
    {
        var registration = Registered();

        Should.Throw<DomainException>(() => registration.Approve("GSO", "GSO", "person:gso", At)).Message.ShouldContain("is registered");
        registration.Submit("person:nb", At);
        Should.Throw<DomainException>(() => registration.Submit("person:nb", At)).Code.ShouldBe("gmark-state");
        Should.Throw<DomainException>(() => registration.Correct(ToyDetails(), ToyTerms, "person:nb", At)).Code.ShouldBe("gmark-state");
    }
}
