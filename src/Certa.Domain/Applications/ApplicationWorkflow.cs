using Certa.Domain.Common;

namespace Certa.Domain.Applications;

/// <summary>
/// The paths an application may take, as one table: draft → submitted → accepted (or returned for
/// completion, or refused) → testing → factory audit → review → granted or refused, and withdrawal by
/// the applicant at any point before the decision. A move not in the table is refused with the
/// moves that are possible.
/// </summary>
public static class ApplicationWorkflow
{
    private static readonly (ApplicationState From, ApplicationTrigger Trigger, ApplicationState To)[] Moves =
    [
        (ApplicationState.Draft, ApplicationTrigger.Submit, ApplicationState.Submitted),
        (ApplicationState.Returned, ApplicationTrigger.Submit, ApplicationState.Submitted),
        (ApplicationState.Submitted, ApplicationTrigger.ReturnForCompletion, ApplicationState.Returned),
        (ApplicationState.Submitted, ApplicationTrigger.RefuseAtAcceptance, ApplicationState.Refused),
        (ApplicationState.Submitted, ApplicationTrigger.Accept, ApplicationState.Accepted),
        (ApplicationState.Accepted, ApplicationTrigger.StartTesting, ApplicationState.Testing),
        (ApplicationState.Testing, ApplicationTrigger.CompleteTesting, ApplicationState.FactoryAudit),
        // Only for an application whose reused certificate covers testing (Application.CompleteTesting checks).
        (ApplicationState.Accepted, ApplicationTrigger.CompleteTesting, ApplicationState.FactoryAudit),
        (ApplicationState.FactoryAudit, ApplicationTrigger.CompleteFactoryAudit, ApplicationState.Review),
        (ApplicationState.Review, ApplicationTrigger.Grant, ApplicationState.Granted),
        (ApplicationState.Review, ApplicationTrigger.RefuseAtDecision, ApplicationState.Refused),
        .. Before(ApplicationState.Granted).Select(s => (s, ApplicationTrigger.Withdraw, ApplicationState.Withdrawn)),
    ];

    public static bool IsFinal(this ApplicationState state) =>
        state is ApplicationState.Granted or ApplicationState.Refused or ApplicationState.Withdrawn;

    /// <summary>The state <paramref name="trigger"/> leads to from <paramref name="from"/>; refuses a move the table lacks.</summary>
    public static ApplicationState Next(ApplicationState from, ApplicationTrigger trigger)
    {
        foreach (var move in Moves)
        {
            if (move.From == from && move.Trigger == trigger)
            {
                return move.To;
            }
        }

        var possible = Possible(from);
        throw DomainException.Conflict("illegal-transition",
            $"An application that is {Name(from)} cannot be moved by '{Name(trigger)}'. " +
            (possible.Count == 0 ? "It is final." : $"Possible now: {string.Join(", ", possible.Select(Name))}."));
    }

    /// <summary>What may happen next to an application in <paramref name="state"/>.</summary>
    public static IReadOnlyList<ApplicationTrigger> Possible(ApplicationState state) =>
        [.. Moves.Where(m => m.From == state).Select(m => m.Trigger)];

    public static string Name(ApplicationState state) => SnakeCaseNames.Of(state.ToString());

    public static string Name(ApplicationTrigger trigger) => SnakeCaseNames.Of(trigger.ToString());

    private static IEnumerable<ApplicationState> Before(ApplicationState decided) =>
        Enum.GetValues<ApplicationState>().Where(s => s < decided);
}
