using Certa.Domain.Supervision.Credit;
using CsCheck;
using static Certa.Domain.Tests.Supervision.Credit.CreditRulesBuilder;

namespace Certa.Domain.Tests.Supervision.Credit;

/// <summary>
/// On random histories of up to 30 enterprise events over five years, assessed at a random moment: a
/// deduction never raises the score or the level, an addition never lowers them, and the order of the
/// events does not matter.
/// </summary>
public class CreditScorePropertyTests
{
    private static readonly CreditRules Rules = new CreditRulesBuilder().Max(110).Build();

    private static readonly CreditEventType[] EnterpriseTypes = [.. Rules.EventTypes.Where(t => t.Subject == CreditSubjectKind.Enterprise)];

    private const int FiveYearsOfHours = 5 * 366 * 24;

    private static readonly Gen<CreditEvent> Events =
        Gen.Select(Gen.Int[0, EnterpriseTypes.Length - 1], Gen.Int[0, FiveYearsOfHours])
            .Select((type, hour) => Event(EnterpriseTypes[type].Id, Day.AddHours(hour), reference: $"r{hour}"));

    private static readonly Gen<(List<CreditEvent> History, CreditEvent Extra, int NowHour)> Cases =
        Gen.Select(Events.List[0, 30], Events, Gen.Int[0, FiveYearsOfHours]);

    [Fact]
    public void AddingAnEvent_MovesTheScoreOnlyInItsDirection() =>
        Cases.Sample(c =>
        {
            var now = Day.AddHours(c.NowHour);
            var before = CreditAssessment.Of(Rules, Enterprise, c.History, now);
            var after = CreditAssessment.Of(Rules, Enterprise, [.. c.History, c.Extra], now);

            if (Rules.EventType(c.Extra.Type).IsPositive)
            {
                after.Score.ShouldBeGreaterThanOrEqualTo(before.Score);
                Rank(after.Level).ShouldBeLessThanOrEqualTo(Rank(before.Level));
            }
            else
            {
                after.Score.ShouldBeLessThanOrEqualTo(before.Score);
                Rank(after.Level).ShouldBeGreaterThanOrEqualTo(Rank(before.Level));
            }
        });

    [Fact]
    public void Assessment_DoesNotDependOnTheOrderOfEvents() =>
        Cases.Sample(c =>
        {
            var now = Day.AddHours(c.NowHour);
            var given = CreditAssessment.Of(Rules, Enterprise, c.History, now);
            var reversed = CreditAssessment.Of(Rules, Enterprise, Enumerable.Reverse(c.History), now);

            reversed.Score.ShouldBe(given.Score);
            reversed.Contributions.ShouldBe(given.Contributions);
        });

    [Fact]
    public void Score_StaysBetweenZeroAndTheHighest() =>
        Cases.Sample(c =>
        {
            var score = CreditAssessment.Of(Rules, Enterprise, c.History, Day.AddHours(c.NowHour)).Score;

            score.ShouldBeInRange(0m, Rules.MaxScore);
        });

    private static int Rank(CreditLevel level) => Rules.Levels.ToList().IndexOf(level);
}
