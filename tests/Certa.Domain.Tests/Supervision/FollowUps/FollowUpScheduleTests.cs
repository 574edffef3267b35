using Certa.Domain.Supervision.FollowUps;
using CsCheck;

namespace Certa.Domain.Tests.Supervision.FollowUps;

public sealed class FollowUpScheduleTests
{
    private static SupervisedCertificate Certificate(DateOnly issuedOn, int validityYears = 5, FactoryClass? factoryClass = null,
        params FollowUpRecord[] followUps) =>
        SupervisedWorld.CertificateFacts(issuedOn, validityYears: validityYears, factoryClass: factoryClass, followUps: followUps);

    [Fact]
    public void FiveYearCertificate_IsFollowedUpOnEachAnniversary_AndNotAfterItsLastValidDay() =>
        FollowUpSchedule.For(SupervisedWorld.Ccc, Certificate(new DateOnly(2026, 1, 15)))
            .ShouldBe([new(2027, 1, 15), new(2028, 1, 15), new(2029, 1, 15), new(2030, 1, 15)]);

    [Fact]
    public void FollowUpsDoneEarlyOrLate_DoNotMoveTheDueDaysAfterThem()
    {
        var issued = new DateOnly(2026, 1, 15);
        var onTime = FollowUpSchedule.For(SupervisedWorld.Ccc, Certificate(issued));
        var early = FollowUpRecord.Passed(new DateOnly(2027, 1, 15), new DateOnly(2026, 10, 20));
        var late = FollowUpRecord.Passed(new DateOnly(2028, 1, 15), new DateOnly(2028, 2, 10));

        FollowUpSchedule.For(SupervisedWorld.Ccc, Certificate(issued, 5, null, early, late)).ShouldBe(onTime);
    }

    [Fact]
    public void IssuedOnTheLastDayOfAMonth_StaysOnTheLastDay_AfterAShortMonth() =>
        FollowUpSchedule.For(SupervisedWorld.MakePolicy(intervalMonths: 1, windowDays: 20, graceDays: 20), Certificate(new DateOnly(2024, 1, 31), validityYears: 1))
            .Take(3).ShouldBe([new(2024, 2, 29), new(2024, 3, 31), new(2024, 4, 30)]);

    [Fact]
    public void IssuedOnALeapDay_IsDueOnThe28th_AndOnThe29thInTheNextLeapYear() =>
        FollowUpSchedule.For(SupervisedWorld.Ccc, Certificate(new DateOnly(2028, 2, 29)))
            .ShouldBe([new(2029, 2, 28), new(2030, 2, 28), new(2031, 2, 28), new(2032, 2, 29)]);

    [Fact]
    public void FactoryClassWithItsOwnInterval_UsesIt_OthersTheSchemes()
    {
        var policy = SupervisedWorld.MakePolicy(classIntervals: new Dictionary<FactoryClass, int> { [FactoryClass.A] = 24 });

        FollowUpSchedule.For(policy, Certificate(new DateOnly(2026, 1, 15), factoryClass: FactoryClass.A)).ShouldBe([new(2028, 1, 15), new(2030, 1, 15)]);
        FollowUpSchedule.For(policy, Certificate(new DateOnly(2026, 1, 15), factoryClass: FactoryClass.D)).Count.ShouldBe(4);
    }

    [Fact]
    public void AnySchedule_HasNoDueDayAfterValidUntil_AndConsecutiveDuesOneIntervalApart() =>
        Gen.Select(Gen.Int[0, 20_000], Gen.Int[1, 5], Gen.Int[1, 24]).Sample((offset, years, months) =>
        {
            var issued = new DateOnly(2000, 1, 1).AddDays(offset);
            var certificate = Certificate(issued, years);
            var due = FollowUpSchedule.For(SupervisedWorld.MakePolicy(intervalMonths: months, windowDays: 20, graceDays: 20), certificate);

            var apart = due.Prepend(issued).Zip(due, (a, b) => MonthIndex(b) - MonthIndex(a) == months);
            var onTheIssueDay = due.All(d => d.Day == Math.Min(issued.Day, DateTime.DaysInMonth(d.Year, d.Month)));
            var complete = issued.AddMonths((due.Count + 1) * months) > certificate.ValidUntil;
            return due.All(d => d <= certificate.ValidUntil) && apart.All(ok => ok) && onTheIssueDay && complete;
        });

    private static int MonthIndex(DateOnly d) => (d.Year * 12) + d.Month;
}
