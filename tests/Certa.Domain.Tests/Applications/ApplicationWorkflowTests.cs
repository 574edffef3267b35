using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Domain.Tests.Applications;

public sealed class ApplicationWorkflowTests
{
    public static TheoryData<ApplicationState> States() => [.. Enum.GetValues<ApplicationState>()];

    [Theory]
    [MemberData(nameof(States))]
    public void EveryStateAndTrigger_EitherMovesAsTheTableSays_OrIsRefusedNamingWhatIsPossible(ApplicationState state)
    {
        foreach (var trigger in Enum.GetValues<ApplicationTrigger>())
        {
            if (ApplicationWorkflow.Possible(state).Contains(trigger))
            {
                Should.NotThrow(() => ApplicationWorkflow.Next(state, trigger));
                continue;
            }

            var refused = Should.Throw<DomainException>(() => ApplicationWorkflow.Next(state, trigger));
            refused.Kind.ShouldBe(RefusalKind.Conflict);
            refused.Code.ShouldBe("illegal-transition");
            refused.Message.ShouldContain(ApplicationWorkflow.Name(state));
            refused.Message.ShouldContain(ApplicationWorkflow.Name(trigger));
        }
    }

    [Theory]
    [InlineData(ApplicationState.Granted)]
    [InlineData(ApplicationState.Refused)]
    [InlineData(ApplicationState.Withdrawn)]
    public void FinalStates_AllowNothing(ApplicationState state)
    {
        state.IsFinal().ShouldBeTrue();
        ApplicationWorkflow.Possible(state).ShouldBeEmpty();
        Should.Throw<DomainException>(() => ApplicationWorkflow.Next(state, ApplicationTrigger.Withdraw)).Message.ShouldContain("final");
    }

    [Fact]
    public void Withdrawal_IsPossibleFromEveryStateBeforeTheDecision()
    {
        var open = Enum.GetValues<ApplicationState>().Where(s => !s.IsFinal());

        open.ShouldAllBe(s => ApplicationWorkflow.Next(s, ApplicationTrigger.Withdraw) == ApplicationState.Withdrawn);
    }

    [Fact]
    public void EveryState_IsReachableFromDraft()
    {
        var reached = new HashSet<ApplicationState> { ApplicationState.Draft };
        var frontier = new Queue<ApplicationState>(reached);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var trigger in ApplicationWorkflow.Possible(state))
            {
                if (reached.Add(ApplicationWorkflow.Next(state, trigger)))
                {
                    frontier.Enqueue(ApplicationWorkflow.Next(state, trigger));
                }
            }
        }

        reached.ShouldBe(Enum.GetValues<ApplicationState>(), ignoreOrder: true);
    }
}
