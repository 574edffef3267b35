using Certa.Domain.Applications;

namespace Certa.Domain.Tests.Applications;

public sealed class ApplicationClockTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    // The seed's CCC durations: acceptance about a week, shipping, testing 2–4 weeks, audit 2–3 days, review 2–3 weeks.
    private static readonly StepDuration[] Ccc =
    [
        new("application", 5, 7), new("sample_shipping", 7, 30), new("type_testing", 14, 28), new("factory_audit", 2, 3), new("review_and_issue", 14, 21),
    ];

    [Fact]
    public void ADraft_IsEstimatedFromNow_AtTheLongestDurations()
    {
        var timeline = ApplicationClock.Estimate(ApplicationState.Draft, T0, Ccc, T0);

        timeline.EstimatedCompletion.ShouldBe(T0.AddDays(7 + 30 + 28 + 3 + 21));
        timeline.Steps.ShouldAllBe(s => !s.Done && !s.Current);
        timeline.Overdue.ShouldBeFalse();
    }

    [Fact]
    public void TestingOnTime_EndsWhenItsLongestDurationAllows_AndLaterStepsFollow()
    {
        var started = T0.AddDays(20);

        var timeline = ApplicationClock.Estimate(ApplicationState.Testing, started, Ccc, started.AddDays(10));

        var testing = timeline.Steps.Single(s => s.Current);
        testing.StepId.ShouldBe("type_testing");
        testing.ExpectedBy.ShouldBe(started.AddDays(28));
        timeline.Steps.Where(s => s.Done).Select(s => s.StepId).ShouldBe(["application", "sample_shipping"]);
        timeline.EstimatedCompletion.ShouldBe(started.AddDays(28 + 3 + 21));
        timeline.Overdue.ShouldBeFalse();
    }

    [Fact]
    public void ALateStep_IsOverdue_AndMovesTheEstimate()
    {
        var started = T0.AddDays(20);
        var now = started.AddDays(40);

        var timeline = ApplicationClock.Estimate(ApplicationState.Testing, started, Ccc, now);

        timeline.Overdue.ShouldBeTrue();
        timeline.Steps.Single(s => s.Current).Overdue.ShouldBeTrue();
        timeline.EstimatedCompletion.ShouldBe(now.AddDays(3 + 21));
    }

    [Theory]
    [InlineData(ApplicationState.Granted)]
    [InlineData(ApplicationState.Withdrawn)]
    public void AFinishedApplication_HasNoEstimate(ApplicationState state) =>
        ApplicationClock.Estimate(state, T0, Ccc, T0).EstimatedCompletion.ShouldBeNull();

    [Fact]
    public void EveryOpenBodyState_WaitsOnAStepOfTheProcedure() =>
        new[] { ApplicationState.Submitted, ApplicationState.Accepted, ApplicationState.Testing, ApplicationState.FactoryAudit, ApplicationState.Review }
            .ShouldAllBe(s => Ccc.Any(c => c.StepId == ApplicationClock.StepOf(s)));

    [Fact]
    public void DoneSteps_ShowWhenTheyActuallyRan_FromTheHistory_AndWhetherTheyWereLate()
    {
        StateEntry[] history =
        [
            new(ApplicationState.Draft, T0), new(ApplicationState.Submitted, T0.AddDays(1)), new(ApplicationState.Accepted, T0.AddDays(10)),
            new(ApplicationState.Testing, T0.AddDays(12)),
        ];

        var timeline = ApplicationClock.Estimate(ApplicationState.Testing, T0.AddDays(12), Ccc, T0.AddDays(13), history);

        var application = timeline.Steps.Single(s => s.StepId == "application");
        application.Done.ShouldBeTrue();
        application.Started.ShouldBe(T0.AddDays(1));
        application.Ended.ShouldBe(T0.AddDays(10));
        application.WasLate.ShouldBeTrue();
        var shipping = timeline.Steps.Single(s => s.StepId == "sample_shipping");
        (shipping.Started, shipping.Ended, shipping.WasLate).ShouldBe((T0.AddDays(10), T0.AddDays(12), false));
    }
}
