using Certa.Domain.Supervision.Credit;
using static Certa.Domain.Tests.Supervision.Credit.CreditRulesBuilder;

namespace Certa.Domain.Tests.Supervision.Credit;

/// <summary>A new application of an enterprise at a flagged (low) level is flagged for the body; no other.</summary>
public class ApplicationFlagTests
{
    private static ApplicationFlag? FlagAfter(params string[] types) =>
        ApplicationFlag.For(Default, CreditAssessment.Of(Default, Enterprise, [.. types.Select(t => Event(t, Day))], Day));

    [Fact]
    public void TopLevel_IsNotFlagged() => FlagAfter().ShouldBeNull();

    [Fact]
    public void LevelB_IsNotFlagged() => FlagAfter(InspectionFailed).ShouldBeNull();

    [Fact]
    public void LevelC_IsFlagged_WithTheLevelScoreAndMessage()
    {
        var flag = FlagAfter(Withdrawn).ShouldNotBeNull();

        flag.Level.Id.ShouldBe("C");
        flag.Score.ShouldBe(70m);
        flag.Enterprise.ShouldBe(Enterprise);
        flag.Message.ShouldBe(Default.Flag.Message);
        flag.Message.Zh.ShouldNotBeNull();
    }

    [Fact]
    public void LevelD_IsFlagged() => FlagAfter(Withdrawn, Withdrawn).ShouldNotBeNull().Level.Id.ShouldBe("D");

    [Fact]
    public void SeriousEvent_IsFlagged_EvenWithAHighScore()
    {
        var rules = new CreditRulesBuilder().With(Type("lie", -1, months: 12, decays: false, serious: true)).Build();

        var flag = ApplicationFlag.For(rules, CreditAssessment.Of(rules, Enterprise, [Event("lie", Day)], Day)).ShouldNotBeNull();

        (flag.Level.Id, flag.Score).ShouldBe(("D", 99m));
    }

    [Fact]
    public void Body_IsNeverFlagged_WhateverItsLevel()
    {
        var events = Enumerable.Range(0, 10).Select(i => Event(DecisionOverturned, Day, Body, $"d{i}"));
        var assessment = CreditAssessment.Of(Default, Body, events, Day);

        assessment.Level.Id.ShouldBe("D");
        ApplicationFlag.For(Default, assessment).ShouldBeNull();
    }

    [Fact]
    public void RulesFlaggingNoLevel_FlagNothing()
    {
        var rules = new CreditRulesBuilder().Flagging().Build();

        ApplicationFlag.For(rules, CreditAssessment.Of(rules, Enterprise, [Event(Withdrawn, Day), Event(Withdrawn, Day)], Day)).ShouldBeNull();
    }
}
