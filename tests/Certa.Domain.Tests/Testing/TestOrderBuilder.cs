using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Testing;

namespace Certa.Domain.Tests.Testing;

/// <summary>The seed's laptop, accepted, and its test orders at each step: ordered, dispatched, received, tested.</summary>
internal static class TestOrderBuilder
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Engineer = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    public static readonly string[] LaptopStandards = ["GB 4943.1-2022", "GB/T 9254.1-2021", "GB 17625.1-2022"];

    public static Application Accepted()
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

    public static TestOrder Ordered(Application? application = null) =>
        TestOrder.Place(Guid.NewGuid(), application ?? Accepted(), "lab-cttl", LaptopStandards, [new Sample("X14", 2), new Sample("x14 pro", 1)], T0.AddDays(2));

    public static Consignment Parcel(string carrier = "SF Express", string tracking = "SF1234567890", int day = 3) =>
        Consignment.Of(carrier, tracking, DateOnly.FromDateTime(T0.AddDays(day).UtcDateTime), T0.AddDays(day), "dispatch");

    public static TestOrder Dispatched(Application? application = null) => Dispatched(Ordered(application));

    public static TestOrder Dispatched(TestOrder order)
    {
        order.DispatchSamples(Parcel());
        return order;
    }

    public static TestOrder Received(Application? application = null) => Received(Ordered(application));

    public static TestOrder Received(TestOrder order)
    {
        Dispatched(order).Receive(T0.AddDays(5));
        return order;
    }

    public static StandardResult Result(string standard, bool passed, string? notes = null) => new(standard, passed, notes, Engineer, T0.AddDays(20));

    public static TestOrder Failed(Application application)
    {
        var order = Received(application);
        order.RecordResults([Result(LaptopStandards[0], true), Result(LaptopStandards[1], false, "§5.1 radiated emission 3 dB over the limit"), Result(LaptopStandards[2], true)],
            T0.AddDays(20));
        return order;
    }

    public static TestOrder Passed()
    {
        var order = Received();
        order.RecordResults(LaptopStandards.Select(s => Result(s, true)), T0.AddDays(20));
        return order;
    }

    public static string[] Actions(Aggregate aggregate) => [.. aggregate.PendingEvents().Select(e => e.Action)];
}
