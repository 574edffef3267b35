using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Testing;

namespace Certa.Domain.Tests.Testing;

public sealed class TestOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Engineer = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    private static readonly string[] LaptopStandards = ["GB 4943.1-2022", "GB/T 9254.1-2021", "GB 17625.1-2022"];

    private static Application Accepted()
    {
        var application = Application.Draft(Guid.NewGuid(), "demo-laptop-maker", "cqc", "ccc", "ccc.0902",
            ProductDetails.Of(new LocalizedText("Laptop", "笔记本电脑"), "X14", [new SeriesModel("X14 Pro", "Larger battery")], "Example"),
            Party.Of(new LocalizedText("Shenzhen Example Computer Co., Ltd."), new LocalizedText("1 Example Road, Shenzhen"), "manufacturer"),
            Party.Of(new LocalizedText("Example Factory"), new LocalizedText("2 Factory Road, Dongguan"), "factory"),
            [], T0);
        application.Submit(T0);
        application.Accept(T0.AddDays(1));
        return application;
    }

    private static TestOrder Ordered(Application? application = null) =>
        TestOrder.Place(Guid.NewGuid(), application ?? Accepted(), "lab-cttl", LaptopStandards, [new Sample("X14", 2), new Sample("x14 pro", 1)], T0.AddDays(2));

    private static TestOrder Received()
    {
        var order = Ordered();
        order.Receive(T0.AddDays(5));
        return order;
    }

    private static StandardResult Result(string standard, bool passed, string? notes = null) => new(standard, passed, notes, Engineer, T0.AddDays(20));

    private static TestOrder Failed(Application application)
    {
        var order = Ordered(application);
        order.Receive(T0.AddDays(5));
        order.RecordResults([Result(LaptopStandards[0], true), Result(LaptopStandards[1], false, "§5.1 radiated emission 3 dB over the limit"), Result(LaptopStandards[2], true)],
            null, T0.AddDays(20));
        return order;
    }

    private static string[] Actions(Aggregate aggregate) => [.. aggregate.PendingEvents().Select(e => e.Action)];

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

        var refusal = Should.Throw<DomainException>(() => order.RecordResults([Result(LaptopStandards[0], true)], null, T0.AddDays(3)));

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

        order.RecordResults([Result(LaptopStandards[0], true), Result(LaptopStandards[1], true)], null, T0.AddDays(10));
        order.State.ShouldBe(TestOrderState.Received);
        order.RecordResults([Result(LaptopStandards[2].ToLowerInvariant(), true)], LabReport.Of(new string('C', 64), "report.pdf"), T0.AddDays(12));

        order.State.ShouldBe(TestOrderState.Completed);
        order.Outcome.ShouldBe(TestOutcome.Passed);
        order.Results.Select(r => r.Standard).ShouldBe(LaptopStandards, ignoreOrder: true);
        order.Report!.Sha256.ShouldBe(new string('c', 64));
        Actions(order)[^1].ShouldBe("test_order.completed");
    }

    [Fact]
    public void RecordResults_ForAStandardNotOrdered_IsRefused_NamingTheOrderedOnes()
    {
        var order = Received();

        var refusal = Should.Throw<DomainException>(() => order.RecordResults([Result("GB 4706.1-2005", true)], null, T0.AddDays(10)));

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
        retest.LabId.ShouldBe("lab-cttl");
        Actions(retest).ShouldBe(["test_order.placed"]);
        Actions(failed).ShouldContain("test_order.corrective_action_opened");
    }

    [Fact]
    public void Retest_OfAPassedOrder_OrTwice_IsRefused()
    {
        var application = Accepted();
        var passed = Received();
        passed.RecordResults(LaptopStandards.Select(s => Result(s, true)), null, T0.AddDays(20));
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
        retest.Receive(T0.AddDays(30));
        retest.RecordResults([Result(LaptopStandards[1], true)], null, T0.AddDays(35));

        Should.NotThrow(() => TestingGate.RequireAllPassed(application.Id, [failed, retest]));
    }

    [Fact]
    public void TestingGate_WithoutAnyOrder_IsRefused() =>
        Should.Throw<DomainException>(() => TestingGate.RequireAllPassed(Guid.NewGuid(), [])).Code.ShouldBe("no-passed-tests");
}
