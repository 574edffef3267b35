namespace Certa.Domain.Applications;

/// <summary>A step of the scheme's procedure with its expected duration in calendar days (from <c>data/requirements/procedures.yaml</c>).</summary>
public sealed record StepDuration(string StepId, int MinDays, int MaxDays);

/// <summary>Where a step stands: when it is expected to end, whether it is done or overdue.</summary>
public sealed record ClockStep(string StepId, DateTimeOffset? Started, DateTimeOffset ExpectedBy, bool Current, bool Done, bool Overdue)
{
    /// <summary>When a done step actually ended (from the application's history).</summary>
    public DateTimeOffset? Ended { get; init; }

    /// <summary>Whether a done step took longer than expected.</summary>
    public bool WasLate => Done && Started is { } s && Ended is { } e && e > ExpectedBy && ExpectedBy > s;
}

/// <summary>The application's clock: its steps and the completion date the applicant can expect now.</summary>
public sealed record ApplicationTimeline(IReadOnlyList<ClockStep> Steps, DateTimeOffset? EstimatedCompletion, bool Overdue);

/// <summary>
/// Expected and actual times of an application's steps. The step that is running started when the
/// application entered its state and is expected to end within its longest duration; later steps
/// follow one after another at their longest durations, from that end or from now if the running
/// step is late. So the estimated completion moves with reality: a late step moves it, a step done
/// early brings it forward.
/// </summary>
public static class ApplicationClock
{
    /// <summary>
    /// The procedure step each state waits on. The ids are those of the body-run procedures in
    /// procedures.yaml (ccc-third-party, cqc-mark); a state without a step is the applicant's turn
    /// (draft, returned) or the end.
    /// </summary>
    public static string? StepOf(ApplicationState state) => state switch
    {
        ApplicationState.Submitted => "application",
        ApplicationState.Accepted => "sample_shipping",
        ApplicationState.Testing => "type_testing",
        ApplicationState.FactoryAudit => "factory_audit",
        ApplicationState.Review => "review_and_issue",
        ApplicationState.Draft or ApplicationState.Returned or ApplicationState.Granted or ApplicationState.Refused or ApplicationState.Withdrawn => null,
    };

    /// <summary>The clock of an application in <paramref name="state"/> since <paramref name="stateSince"/>, as of <paramref name="now"/>.</summary>
    /// <param name="state">Where the application stands.</param>
    /// <param name="stateSince">When it entered that state.</param>
    /// <param name="procedure">The scheme's steps and durations.</param>
    /// <param name="now">The time to estimate from.</param>
    /// <param name="history">The states entered and when; with it, done steps show when they actually ran.</param>
    public static ApplicationTimeline Estimate(ApplicationState state, DateTimeOffset stateSince, IReadOnlyList<StepDuration> procedure, DateTimeOffset now,
        IReadOnlyList<StateEntry>? history = null)
    {
        var steps = procedure.Where(p => Enum.GetValues<ApplicationState>().Any(s => StepOf(s) == p.StepId)).ToList();
        if (state.IsFinal())
        {
            return new ApplicationTimeline([], null, false);
        }

        var current = StepOf(state);
        var index = current is null ? -1 : steps.FindIndex(s => s.StepId == current);
        var clock = new List<ClockStep>();
        // Before submission nothing runs: the estimate counts every step from now.
        var cursor = now;
        var overdue = false;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (index >= 0 && i < index)
            {
                clock.Add(Done(step, stateSince, history ?? []));
                continue;
            }

            if (i == index)
            {
                var expected = stateSince.AddDays(step.MaxDays);
                overdue = now > expected;
                clock.Add(new ClockStep(step.StepId, stateSince, expected, Current: true, Done: false, Overdue: overdue));
                cursor = overdue ? now : expected;
                continue;
            }

            cursor = cursor.AddDays(step.MaxDays);
            clock.Add(new ClockStep(step.StepId, null, cursor, Current: false, Done: false, Overdue: false));
        }

        return new ApplicationTimeline(clock, clock.Count == 0 ? null : clock[^1].ExpectedBy, overdue);
    }

    /// <summary>A done step: from the last time the application entered the step's state to the next state it entered.</summary>
    private static ClockStep Done(StepDuration step, DateTimeOffset stateSince, IReadOnlyList<StateEntry> history)
    {
        var entered = history.Select((e, i) => (e, i)).LastOrDefault(x => StepOf(x.e.State) == step.StepId);
        if (entered.e is null)
        {
            return new ClockStep(step.StepId, null, stateSince, Current: false, Done: true, Overdue: false);
        }

        var ended = entered.i + 1 < history.Count ? history[entered.i + 1].At : (DateTimeOffset?)null;
        return new ClockStep(step.StepId, entered.e.At, entered.e.At.AddDays(step.MaxDays), Current: false, Done: true, Overdue: false) { Ended = ended };
    }
}
