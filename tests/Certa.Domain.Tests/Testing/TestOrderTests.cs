using Certa.Domain.Common;
using Certa.Domain.Testing;
using static Certa.Domain.Tests.Testing.TestOrderBuilder;

namespace Certa.Domain.Tests.Testing;

public sealed class TestOrderTests
{
    [Fact]
    public void Place_TakesTheApplicationsModels_AndRecordsTheOrder()
    {
        var order = Ordered();

        order.State.ShouldBe(TestOrderState.Ordered);
        order.BodyId.ShouldBe("cqc");
        order.Samples.ShouldBe([new Sample("X14", 2), new Sample("X14 Pro", 1)]);
        order.Outcome.ShouldBeNull();
        Actions(order).ShouldBe(["test_order.placed"]);
    }

    [Theory]
    [InlineData("Z99", 1, "sample-model-unknown")]
    [InlineData("X14", 0, "sample-quantity-invalid")]
    public void Place_WithASampleThatIsNotTheApplicationsModel_IsRefused(string model, int quantity, string code) =>
        Should.Throw<DomainException>(() => TestOrder.Place(Guid.NewGuid(), Accepted(), "lab-cttl", LaptopStandards, [new Sample(model, quantity)], T0))
            .Code.ShouldBe(code);

    [Fact]
    public void Place_WithoutStandards_IsRefused() =>
        Should.Throw<DomainException>(() => TestOrder.Place(Guid.NewGuid(), Accepted(), "lab-cttl", [" "], [new Sample("X14", 1)], T0))
            .Code.ShouldBe("standards-required");

    [Fact]
    public void RecordResults_BeforeTheSamplesArrive_IsRefused()
    {
        var order = Ordered();

        var refusal = Should.Throw<DomainException>(() => order.RecordResults([Result(LaptopStandards[0], true)], T0.AddDays(3)));

        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Code.ShouldBe("test-order-ordered");
    }

    [Fact]
    public void Receive_Twice_IsRefused()
    {
        var order = Received();

        Should.Throw<DomainException>(() => order.Receive(T0.AddDays(6))).Code.ShouldBe("test-order-received");
    }

    [Fact]
    public void RecordResults_ForSomeStandards_KeepsTheOrderOpen_AndTheLastStandardCompletesIt()
    {
        var order = Received();

        order.RecordResults([Result(LaptopStandards[0], true), Result(LaptopStandards[1], true)], T0.AddDays(10));
        order.State.ShouldBe(TestOrderState.Received);
        order.RecordResults([Result(LaptopStandards[2].ToLowerInvariant(), true)], T0.AddDays(12));

        order.State.ShouldBe(TestOrderState.Completed);
        order.Outcome.ShouldBe(TestOutcome.Passed);
        order.Results.Select(r => r.Standard).ShouldBe(LaptopStandards, ignoreOrder: true);
        order.SampleState.ShouldBe(SampleState.Tested);
        Actions(order)[^1].ShouldBe("test_order.completed");
    }

    [Fact]
    public void RecordResults_ForAStandardNotOrdered_IsRefused_NamingTheOrderedOnes()
    {
        var order = Received();

        var refusal = Should.Throw<DomainException>(() => order.RecordResults([Result("GB 4706.1-2005", true)], T0.AddDays(10)));

        refusal.Code.ShouldBe("standard-not-ordered");
        refusal.Message.ShouldContain("GB 4943.1-2022");
    }

    [Fact]
    public void AFailedOrder_GetsACorrectiveActionAndARetestOfTheFailedStandards_AndIsSuperseded()
    {
        var application = Accepted();
        var failed = Failed(application);
        failed.Outcome.ShouldBe(TestOutcome.Failed);

        var retest = failed.OrderRetest(Guid.NewGuid(), application, "Add a ferrite core to the display cable.", new DateOnly(2027, 1, 15), T0.AddDays(21));

        failed.IsSuperseded.ShouldBeTrue();
        failed.CorrectiveAction!.RetestOrderId.ShouldBe(retest.Id);
        retest.RetestOf.ShouldBe(failed.Id);
        retest.Standards.ShouldBe([LaptopStandards[1]]);
        retest.Samples.ShouldBe(failed.Samples);
        retest.SampleState.ShouldBe(SampleState.Planned, "the corrected product is sent anew");
        retest.LabId.ShouldBe("lab-cttl");
        Actions(retest).ShouldBe(["test_order.placed"]);
        Actions(failed).ShouldContain("test_order.corrective_action_opened");
    }

    [Fact]
    public void Retest_OfAPassedOrder_OrTwice_IsRefused()
    {
        var application = Accepted();
        var passed = Passed();
        var failed = Failed(application);
        failed.OrderRetest(Guid.NewGuid(), application, "Fix it.", new DateOnly(2027, 1, 15), T0.AddDays(21));

        Should.Throw<DomainException>(() => passed.OrderRetest(Guid.NewGuid(), application, "Fix it.", new DateOnly(2027, 1, 15), T0.AddDays(21)))
            .Code.ShouldBe("retest-needs-failed-order");
        Should.Throw<DomainException>(() => failed.OrderRetest(Guid.NewGuid(), application, "Fix it.", new DateOnly(2027, 1, 15), T0.AddDays(21)))
            .Code.ShouldBe("retest-already-ordered");
    }

    [Fact]
    public void Cancel_ClosesAnOpenOrder_ButNotACompletedOne()
    {
        var open = Ordered();
        open.Cancel("Samples lost in transit.", T0.AddDays(3));
        open.State.ShouldBe(TestOrderState.Cancelled);

        Should.Throw<DomainException>(() => open.Cancel("again", T0.AddDays(4))).Code.ShouldBe("test-order-closed");
    }

    [Fact]
    public void TestingGate_RefusesWhileAnOrderIsOpen()
    {
        var application = Accepted();
        var open = Ordered(application);

        Should.Throw<DomainException>(() => TestingGate.RequireAllPassed(application.Id, [open])).Code.ShouldBe("test-orders-open");
    }

    [Fact]
    public void TestingGate_RefusesAFailWithoutRetest_ButPassesOnceTheRetestPassed()
    {
        var application = Accepted();
        var failed = Failed(application);
        Should.Throw<DomainException>(() => TestingGate.RequireAllPassed(application.Id, [failed])).Code.ShouldBe("test-orders-failed");

        var retest = failed.OrderRetest(Guid.NewGuid(), application, "Fix the cable.", new DateOnly(2027, 1, 15), T0.AddDays(21));
        Should.Throw<DomainException>(() => TestingGate.RequireAllPassed(application.Id, [failed, retest])).Code.ShouldBe("test-orders-open");
        Received(retest);
        retest.RecordResults([Result(LaptopStandards[1], true)], T0.AddDays(35));

        Should.NotThrow(() => TestingGate.RequireAllPassed(application.Id, [failed, retest]));
    }

    [Fact]
    public void TestingGate_WithoutAnyOrder_IsRefused() =>
        Should.Throw<DomainException>(() => TestingGate.RequireAllPassed(Guid.NewGuid(), [])).Code.ShouldBe("no-passed-tests");
}
