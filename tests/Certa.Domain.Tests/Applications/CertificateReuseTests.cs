using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Domain.Tests.Applications;

public sealed class CertificateReuseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static readonly StepDuration[] Ccc =
    [
        new("application", 5, 7), new("sample_shipping", 7, 30), new("type_testing", 14, 28), new("factory_audit", 2, 3), new("review_and_issue", 14, 21),
    ];

    private static Application Accepted(CertificateReuse? reuse)
    {
        var application = Application.Draft(Guid.NewGuid(), "maker", "cqc", "ccc", "ccc.0902", ProductDetails.Of(new LocalizedText("Laptop"), "X14", [], null),
            Party.Of(new LocalizedText("M"), new LocalizedText("1"), "manufacturer"), Party.Of(new LocalizedText("F"), new LocalizedText("2"), "factory"), [], T0, reuse);
        application.Submit(T0);
        application.Accept(T0);
        return application;
    }

    [Theory]
    [InlineData(true, true, new[] { "application", "review_and_issue" })]
    [InlineData(true, false, new[] { "application", "factory_audit", "review_and_issue" })]
    [InlineData(false, true, new[] { "application", "sample_shipping", "type_testing", "review_and_issue" })]
    public void WhatTheReuseCovers_DropsOutOfTheClock(bool testing, bool audit, string[] remaining) =>
        new CertificateReuse(Guid.NewGuid(), "2026010902000001", "cqc-mark", testing, audit).Remaining(Ccc).Select(s => s.StepId).ShouldBe(remaining);

    [Fact]
    public void TestingIsSkipped_OnlyWhenTheReuseCoversIt()
    {
        Should.Throw<DomainException>(() => Accepted(null).CompleteTesting(T0)).Code.ShouldBe("tests-needed");
        Should.Throw<DomainException>(() => Accepted(new CertificateReuse(Guid.NewGuid(), "1", "ccc", false, true)).CompleteTesting(T0)).Code.ShouldBe("tests-needed");

        var reusing = Accepted(new CertificateReuse(Guid.NewGuid(), "1", "ccc", true, true));
        reusing.CompleteTesting(T0);

        reusing.State.ShouldBe(ApplicationState.FactoryAudit);
    }
}
