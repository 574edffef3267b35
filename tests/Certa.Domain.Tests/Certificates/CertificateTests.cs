using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;

namespace Certa.Domain.Tests.Certificates;

public sealed class CertificateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Reviewer = Guid.NewGuid();
    private static readonly Guid Decider = Guid.NewGuid();

    private static Application InReview()
    {
        var application = Application.Draft(Guid.NewGuid(), "demo-laptop-maker", "cqc", "ccc", "ccc.0902",
            ProductDetails.Of(new LocalizedText("Laptop"), "X14", [new SeriesModel("X14 Pro", "Battery")], "Example"),
            Party.Of(new LocalizedText("Maker"), new LocalizedText("1 Road"), "manufacturer"),
            Party.Of(new LocalizedText("Factory"), new LocalizedText("2 Road"), "factory"), [], T0);
        application.Submit(T0);
        application.Accept(T0);
        application.StartTesting(T0);
        application.CompleteTesting(T0);
        application.CompleteFactoryAudit(T0);
        application.AssignReviewer(Reviewer);
        application.RecordReview(Reviewer, true, "Conforms", T0);
        return application;
    }

    [Fact]
    public void Issue_ForAGrantedApplication_IsActive_AndValidToTheDayBeforeTheAnniversary()
    {
        var application = InReview();
        application.Grant(Decider, T0);

        var certificate = Certificate.Issue(Guid.NewGuid(), "2026010902000001", application, new LocalizedText("Maker"), ["GB 4943.1-2022", "GB 4943.1-2022"], 5, T0);

        certificate.State.ShouldBe(CertificateState.Active);
        certificate.IssuedOn.ShouldBe(new DateOnly(2026, 11, 27));
        certificate.ValidUntil.ShouldBe(new DateOnly(2031, 11, 26));
        certificate.Standards.ShouldBe(["GB 4943.1-2022"]);
        certificate.Product.SeriesModels.Single().Model.ShouldBe("X14 Pro");
        certificate.PendingEvents().Single().Action.ShouldBe("certificate.issued");
    }

    [Fact]
    public void Issue_ForAnApplicationNotGranted_IsRefused() =>
        Should.Throw<DomainException>(() => Certificate.Issue(Guid.NewGuid(), "1", InReview(), new LocalizedText("M"), [], 5, T0)).Code.ShouldBe("application-not-granted");

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Issue_WithAValidityBeyondFiveYears_IsRefused(int years)
    {
        var application = InReview();
        application.Grant(Decider, T0);

        Should.Throw<DomainException>(() => Certificate.Issue(Guid.NewGuid(), "1", application, new LocalizedText("M"), [], years, T0)).Code.ShouldBe("validity-invalid");
    }
}
