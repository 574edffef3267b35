using Certa.Domain.Common;
using Certa.Domain.Supervision.Credit;
using static Certa.Domain.Tests.Supervision.Credit.CreditRulesBuilder;

namespace Certa.Domain.Tests.Supervision.Credit;

/// <summary>Scores, levels and the weight of each event at a given moment.</summary>
public class CreditAssessmentTests
{
    private static CreditAssessment Assess(DateTimeOffset now, params CreditEvent[] events) => Assess(Default, now, events);

    private static CreditAssessment Assess(CreditRules rules, DateTimeOffset now, params CreditEvent[] events) =>
        CreditAssessment.Of(rules, Enterprise, events, now);

    [Fact]
    public void NoEvents_StartingScore_TopLevel()
    {
        var assessment = Assess(Day);

        assessment.Score.ShouldBe(100m);
        assessment.Level.Id.ShouldBe("A");
        assessment.Contributions.ShouldBeEmpty();
    }

    [Fact]
    public void Withdrawal_CountsFullyOnItsDay()
    {
        var assessment = Assess(Day, Event(Withdrawn, Day, reference: "2026010902000007"));

        assessment.Score.ShouldBe(70m);
        assessment.Level.Id.ShouldBe("C");
        var contribution = assessment.Contributions.ShouldHaveSingleItem();
        (contribution.Weight, contribution.Share, contribution.Until).ShouldBe((-30m, 1m, Day.AddMonths(36)));
        contribution.Event.Reference.ShouldBe("2026010902000007");
    }

    [Fact]
    public void Withdrawal_HalfwayThroughItsThreeYears_CountsHalf()
    {
        // 2026-01-01 + 36 months = 2029-01-01, 1096 days later (2028 is a leap year).
        var assessment = Assess(Day.AddDays(548), Event(Withdrawn, Day));

        assessment.Contributions.Single().Share.ShouldBe(0.5m);
        assessment.Score.ShouldBe(85m);
        assessment.Level.Id.ShouldBe("B");
    }

    [Fact]
    public void Withdrawal_LosesWeightDayByDay_AndNothingOnceItsDurationIsOver()
    {
        var withdrawal = Event(Withdrawn, Day);
        var scores = new[] { 0, 100, 500, 1000, 1095 }.Select(days => Assess(Day.AddDays(days), withdrawal).Score).ToList();

        scores.ShouldBeInOrder(SortDirection.Ascending);
        scores.Distinct().Count().ShouldBe(scores.Count);
        Assess(Day.AddMonths(36).AddTicks(-1), withdrawal).Contributions.ShouldHaveSingleItem();
        Assess(Day.AddMonths(36), withdrawal).Contributions.ShouldBeEmpty();
        Assess(Day.AddYears(10), withdrawal).Score.ShouldBe(100m);
    }

    [Fact]
    public void EventAfterNow_DoesNotCount()
    {
        var assessment = Assess(Day, Event(Withdrawn, Day.AddSeconds(1)));

        assessment.Score.ShouldBe(100m);
        assessment.Contributions.ShouldBeEmpty();
    }

    [Fact]
    public void NonDecayingEvent_CountsFullyUntilItsEnd()
    {
        var assessment = Assess(Day.AddMonths(36).AddDays(-1), Event(MinusTen, Day));

        assessment.Contributions.Single().Weight.ShouldBe(-10m);
        assessment.Score.ShouldBe(90m);
    }

    [Theory]
    [InlineData(new[] { MinusTen }, 90, "A")]
    [InlineData(new[] { MinusTen, MinusOne }, 89, "B")]
    [InlineData(new[] { MinusTen, MinusTen, MinusOne, MinusOne, MinusOne, MinusOne, MinusOne }, 75, "B")]
    [InlineData(new[] { MinusTen, MinusTen, MinusOne, MinusOne, MinusOne, MinusOne, MinusOne, MinusOne }, 74, "C")]
    [InlineData(new[] { MinusTen, MinusTen, MinusTen, MinusTen }, 60, "C")]
    [InlineData(new[] { MinusTen, MinusTen, MinusTen, MinusTen, MinusOne }, 59, "D")]
    public void Level_AtEachThreshold_IsTheLevelThatStartsThere(string[] types, int score, string level)
    {
        var assessment = Assess(Day, [.. types.Select(t => Event(t, Day))]);

        assessment.Score.ShouldBe(score);
        assessment.Level.Id.ShouldBe(level);
    }

    [Theory]
    [InlineData(90.00, "A")]
    [InlineData(89.99, "B")]
    [InlineData(75.00, "B")]
    [InlineData(74.99, "C")]
    [InlineData(60.00, "C")]
    [InlineData(59.99, "D")]
    [InlineData(0.00, "D")]
    [InlineData(-1.00, "D")]
    public void LevelOf_AFractionalScore_StaysBelowTheThresholdItMisses(double score, string level) =>
        Default.LevelOf((decimal)score).Id.ShouldBe(level);

    [Fact]
    public void PositiveEvents_CannotLiftAScoreAboveTheStartingScore()
    {
        var assessment = Assess(Day, Event(InspectionPassed, Day), Event(InspectionPassed, Day, reference: "second"));

        assessment.Score.ShouldBe(100m);
        assessment.Contributions.Count.ShouldBe(2);
    }

    [Fact]
    public void PositiveEvents_WinBackLostPoints_UpToTheCap()
    {
        Assess(Day, Event(InspectionFailed, Day), Event(InspectionPassed, Day)).Score.ShouldBe(87m);
        Assess(Day, Event(MinusOne, Day), Event(InspectionPassed, Day)).Score.ShouldBe(100m);
    }

    [Fact]
    public void PositiveEvents_MayExceedTheStartingScore_WhenTheRulesSaySo()
    {
        var rules = new CreditRulesBuilder().Max(110).Build();

        Assess(rules, Day, Event(InspectionPassed, Day), Event(InspectionPassed, Day, reference: "second")).Score.ShouldBe(104m);
    }

    [Fact]
    public void Score_NeverGoesBelowZero()
    {
        var assessment = Assess(Day, [.. Enumerable.Range(0, 5).Select(i => Event(Withdrawn, Day, reference: $"c{i}"))]);

        assessment.Score.ShouldBe(0m);
        assessment.Level.Id.ShouldBe("D");
    }

    [Fact]
    public void SeriousEvent_HoldsTheLevelAtTheLowest_WhileItCounts()
    {
        var rules = new CreditRulesBuilder().With(Type("minor-serious", -1, months: 12, decays: false, serious: true)).Build();

        var assessment = Assess(rules, Day, Event("minor-serious", Day));

        assessment.Score.ShouldBe(99m);
        assessment.Level.Id.ShouldBe("D");
        assessment.Serious.ShouldNotBeNull().Type.Id.ShouldBe("minor-serious");
        Assess(rules, Day.AddMonths(12), Event("minor-serious", Day)).Level.Id.ShouldBe("A");
    }

    [Fact]
    public void Contributions_AreLatestFirst_WhateverTheOrderGiven()
    {
        var events = new[]
        {
            Event(InspectionFailed, Day.AddDays(10), reference: "i-2"),
            Event(Withdrawn, Day, reference: "c-1"),
            Event(InspectionFailed, Day.AddDays(10), reference: "i-1"),
            Event(InspectionPassed, Day.AddDays(20)),
        };
        var now = Day.AddDays(30);

        var forward = Assess(now, events);
        var backward = Assess(now, [.. events.Reverse()]);

        forward.Contributions.Select(c => c.Event.Reference ?? c.Type.Id).ShouldBe([InspectionPassed, "i-1", "i-2", "c-1"]);
        backward.Contributions.ShouldBe(forward.Contributions);
        backward.Score.ShouldBe(forward.Score);
    }

    [Fact]
    public void UnknownEventType_IsRefused_NamingItAndTheKnownOnes()
    {
        var refused = Should.Throw<DomainException>(() => Assess(Day, Event("teleported", Day)));

        refused.Code.ShouldBe("credit-event-unknown");
        refused.Message.ShouldContain("'teleported' is not a credit event");
        refused.Message.ShouldContain(Withdrawn);
    }

    [Fact]
    public void BodyEvent_ForAnEnterprise_IsRefused()
    {
        var refused = Should.Throw<DomainException>(() => Assess(Day, Event(DecisionOverturned, Day)));

        refused.Code.ShouldBe("credit-event-wrong-subject");
        refused.Message.ShouldBe("'decision-overturned' is an event of bodies, not of enterprises.");
    }

    [Fact]
    public void AnotherSubjectsEvent_IsRefused() =>
        Should.Throw<ArgumentException>(() => Assess(Day, Event(Withdrawn, Day, CreditSubject.Enterprise("ent-2"))))
            .Message.ShouldContain("enterprise 'ent-2'");

    [Fact]
    public void Body_IsScoredByBodyEvents()
    {
        var assessment = CreditAssessment.Of(Default, Body, [Event(DecisionOverturned, Day, Body)], Day);

        assessment.Score.ShouldBe(90m);
        assessment.Subject.ShouldBe(Body);
    }
}
