using Certa.Domain.Common;
using Certa.Domain.Supervision.Credit;
using static Certa.Domain.Tests.Supervision.Credit.CreditRulesBuilder;

namespace Certa.Domain.Tests.Supervision.Credit;

/// <summary>Credit rules are made valid or not at all; a refusal names the value that caused it.</summary>
public class CreditRulesTests
{
    private static string Refusal(Func<CreditRulesBuilder, CreditRulesBuilder> change) =>
        Should.Throw<ArgumentException>(() => change(new CreditRulesBuilder()).Build()).Message;

    [Fact]
    public void DefaultTestRules_AreValid() =>
        Default.Levels.Select(l => l.Id).ShouldBe(["A", "B", "C", "D"]);

    [Fact]
    public void LevelsOutOfOrder_AreRefused() =>
        Refusal(b => b.Levels(Level("A", 90), Level("B", 95), Level("D", 0)))
            .ShouldContain("'B' (min_score 95) must start below 'A' (min_score 90)");

    [Fact]
    public void TwoLevelsWithOneThreshold_AreRefused() =>
        Refusal(b => b.Levels(Level("A", 90), Level("B", 90), Level("D", 0))).ShouldContain("'B' (min_score 90) must start below 'A'");

    [Fact]
    public void LowestLevelAboveZero_IsRefused() =>
        Refusal(b => b.Levels(Level("A", 90), Level("D", 10)).Flagging("D")).ShouldContain("lowest level 'D' starts at 10; it must start at 0");

    [Fact]
    public void TopLevelAboveTheHighestScore_IsRefused() =>
        Refusal(b => b.Levels(Level("A", 101), Level("D", 0)).Flagging("D")).ShouldContain("'A' starts at 101, above the highest score 100");

    [Fact]
    public void NegativeThreshold_IsRefused() =>
        Should.Throw<ArgumentException>(() => Level("D", -5)).Message.ShouldContain("'D' starts at -5");

    [Fact]
    public void DuplicateLevel_IsRefused() =>
        Refusal(b => b.Levels(Level("A", 90), Level("A", 50), Level("D", 0))).ShouldContain("level 'A' twice");

    [Fact]
    public void HighestScoreBelowTheStart_IsRefused() =>
        Refusal(b => b.Max(90)).ShouldContain("highest score 90 is below the starting score 100");

    [Fact]
    public void StartingScoreOfZero_IsRefused() =>
        Refusal(b => b.Starting(0).Max(100)).ShouldContain("starting score is 0");

    [Fact]
    public void ZeroWeight_IsRefused() =>
        Should.Throw<ArgumentException>(() => Type("nothing", 0, months: 12)).Message.ShouldContain("'nothing' has 0 points");

    [Theory]
    [InlineData(0)]
    [InlineData(-12)]
    public void DurationNotAboveZero_IsRefused(int months) =>
        Should.Throw<ArgumentException>(() => Type("short", -5, months)).Message.ShouldContain($"'short' counts for {months} months");

    [Fact]
    public void PositiveSeriousEvent_IsRefused() =>
        Should.Throw<ArgumentException>(() => Type("good", 5, months: 12, serious: true)).Message.ShouldContain("only a deduction can be serious");

    [Fact]
    public void DuplicateEventType_IsRefused() =>
        Refusal(b => b.With(Type(Withdrawn, -10, months: 12))).ShouldContain($"event type '{Withdrawn}' twice");

    [Fact]
    public void FlagOnAnUnknownLevel_IsRefused() =>
        Refusal(b => b.Flagging("C", "E")).ShouldContain("names level 'E', which is not a level; levels are A, B, C, D");

    [Fact]
    public void FlagOnALowLevelButNotALowerOne_IsRefused() =>
        Refusal(b => b.Flagging("C")).ShouldContain("names 'C' but not the lower level 'D'");

    [Fact]
    public void FlagOnNoLevel_IsAllowed() =>
        new CreditRulesBuilder().Flagging().Build().Flag.Levels.ShouldBeEmpty();

    [Fact]
    public void EventType_ById_OrRefusedWhenUnknown()
    {
        Default.EventType(Withdrawn).Points.ShouldBe(-30);
        Should.Throw<DomainException>(() => Default.EventType("nope")).Code.ShouldBe("credit-event-unknown");
    }
}
