using Certa.Domain.Common;
using Certa.Domain.Testing;
using static Certa.Domain.Tests.Testing.TestOrderBuilder;

namespace Certa.Domain.Tests.Testing;

public sealed class SampleTrackingTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(T0.AddDays(25).UtcDateTime);

    [Fact]
    public void ThePlan_KeepsWhatTheChoiceIsBasedOn_AndStartsPlanned()
    {
        var order = TestOrder.Place(Guid.NewGuid(), Accepted(), "lab-cttl", LaptopStandards,
            [new Sample("X14", 2, " critical components list rev. 3 "), new Sample("X14 Pro", 1, " ")], T0);

        order.Samples.ShouldBe([new Sample("X14", 2, "critical components list rev. 3"), new Sample("X14 Pro", 1)]);
        order.SampleState.ShouldBe(SampleState.Planned);
    }

    [Fact]
    public void TheWholeJourney_DispatchReceiveTestReturn_MovesTheSamplesAndRecordsEachStep()
    {
        var order = Ordered();

        order.DispatchSamples(Parcel());
        order.SampleState.ShouldBe(SampleState.Dispatched);
        order.Receive(T0.AddDays(5));
        order.SampleState.ShouldBe(SampleState.Received);
        order.RecordResults(LaptopStandards.Select(s => Result(s, true)), T0.AddDays(20));
        order.SampleState.ShouldBe(SampleState.Tested);
        var back = Consignment.Of("EMS", "EE123456789CN", null, T0.AddDays(25), "return");
        order.ReturnSamples(back);

        order.SampleState.ShouldBe(SampleState.Returned);
        order.Shipment.Dispatch!.TrackingNumber.ShouldBe("SF1234567890");
        order.Shipment.Return.ShouldBe(back);
        back.SentOn.ShouldBe(Today, "the day sent defaults to today");
        Actions(order).ShouldBe(["test_order.placed", "test_order.samples_dispatched", "test_order.received",
            "test_order.results_recorded", "test_order.completed", "test_order.samples_returned"]);
        order.Version.ShouldBe(5);
    }

    [Fact]
    public void Receive_BeforeTheApplicantDispatched_IsRefused()
    {
        var order = Ordered();

        var refusal = Should.Throw<DomainException>(() => order.Receive(T0.AddDays(5)));

        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Code.ShouldBe("samples-not-dispatched");
        order.State.ShouldBe(TestOrderState.Ordered);
    }

    [Fact]
    public void Dispatch_Twice_IsRefused_NamingTheFirstParcel()
    {
        var order = Dispatched();

        var refusal = Should.Throw<DomainException>(() => order.DispatchSamples(Parcel("EMS", "EE1")));

        refusal.Code.ShouldBe("samples-already-dispatched");
        refusal.Message.ShouldContain("SF1234567890");
    }

    [Fact]
    public void Dispatch_OfACancelledOrder_IsRefused()
    {
        var order = Ordered();
        order.Cancel("Wrong lab.", T0.AddDays(3));

        Should.Throw<DomainException>(() => order.DispatchSamples(Parcel())).Code.ShouldBe("test-order-cancelled");
    }

    [Theory]
    [InlineData(" ", "SF1", 0, "carrier-required")]
    [InlineData("SF Express", "", 0, "tracking-number-required")]
    [InlineData("SF Express", "SF1", 1, "sent-on-in-the-future")]
    public void AParcel_WithoutCarrierOrTrackingNumber_OrSentTomorrow_IsRefused(string carrier, string tracking, int daysAhead, string code) =>
        Should.Throw<DomainException>(() => Consignment.Of(carrier, tracking, DateOnly.FromDateTime(T0.AddDays(daysAhead).UtcDateTime), T0, "dispatch"))
            .Code.ShouldBe(code);

    [Fact]
    public void ReturnOrRetain_BeforeTheOrderIsCompletedOrCancelled_IsRefused()
    {
        var order = Received();

        Should.Throw<DomainException>(() => order.ReturnSamples(Parcel())).Code.ShouldBe("test-order-received");
        Should.Throw<DomainException>(() => order.RetainSamples(Today.AddMonths(6), T0.AddDays(25))).Code.ShouldBe("test-order-received");
        order.SampleState.ShouldBe(SampleState.Received);
    }

    [Fact]
    public void Retained_UntilADay_ThenReturned_ButNotRetainedAgain()
    {
        var order = Passed();

        order.RetainSamples(Today.AddMonths(6), T0.AddDays(25));
        order.SampleState.ShouldBe(SampleState.Retained);
        Should.Throw<DomainException>(() => order.RetainSamples(Today.AddMonths(12), T0.AddDays(26))).Code.ShouldBe("samples-retained");
        order.ReturnSamples(Parcel());

        order.SampleState.ShouldBe(SampleState.Returned);
        order.Shipment.RetainedUntil.ShouldBe(Today.AddMonths(6));
        Actions(order)[^2..].ShouldBe(["test_order.samples_retained", "test_order.samples_returned"]);
        Should.Throw<DomainException>(() => order.ReturnSamples(Parcel())).Code.ShouldBe("samples-returned");
    }

    [Fact]
    public void Retain_UntilADayThatHasPassed_IsRefused() =>
        Should.Throw<DomainException>(() => Passed().RetainSamples(Today.AddDays(-1), T0.AddDays(25))).Code.ShouldBe("retained-until-in-the-past");

    [Fact]
    public void ACancelledOrder_ReturnsTheParcelOnItsWay_ButNeverPlannedSamples()
    {
        var dispatched = Dispatched();
        dispatched.Cancel("Application withdrawn.", T0.AddDays(4));
        var planned = Ordered();
        planned.Cancel("Application withdrawn.", T0.AddDays(4));

        dispatched.ReturnSamples(Parcel());

        dispatched.SampleState.ShouldBe(SampleState.Returned);
        Should.Throw<DomainException>(() => planned.ReturnSamples(Parcel())).Code.ShouldBe("samples-planned");
        Should.Throw<DomainException>(() => planned.RetainSamples(Today, T0.AddDays(25))).Code.ShouldBe("samples-planned");
    }

    [Fact]
    public void AttachReport_WhileReceivedOrCompleted_ReplacesTheEarlierOne()
    {
        var order = Received();
        var first = LabReport.Of(new string('A', 64), "draft.pdf");
        var second = LabReport.Of(new string('b', 64), "final.pdf");

        order.AttachReport(first);
        order.RecordResults(LaptopStandards.Select(s => Result(s, true)), T0.AddDays(20));
        order.AttachReport(second);

        order.Report.ShouldBe(second);
        first.Sha256.ShouldBe(new string('a', 64));
        Actions(order).Count(a => a == "test_order.report_attached").ShouldBe(2);
    }

    [Fact]
    public void AttachReport_BeforeTheSamplesArrive_IsRefused() =>
        Should.Throw<DomainException>(() => Dispatched().AttachReport(LabReport.Of(new string('a', 64), "r.pdf"))).Code.ShouldBe("test-order-ordered");
}
