using Certa.Domain.Common;
using Certa.Domain.Supervision.FollowUps;

namespace Certa.Domain.Tests.Supervision.FollowUps;

public sealed class FollowUpPolicyTests
{
    private static readonly IReadOnlyDictionary<string, Provenance> Sourced = FollowUpRuleIds.All.ToDictionary(id => id, _ => new Provenance("test"));

    private static FollowUpPolicy Make(int interval = 12, decimal minDays = 1m, decimal maxDays = 1.5m, int window = 90, int grace = 30,
        int overdueDeadline = 90, int corrective = 90, IReadOnlyDictionary<FactoryClass, int>? classes = null,
        IReadOnlyDictionary<string, Provenance>? sources = null) =>
        FollowUpPolicy.Of("ccc", interval, classes ?? new Dictionary<FactoryClass, int>(), minDays, maxDays, window, grace, overdueDeadline, corrective,
            sources ?? Sourced);

    [Fact]
    public void SaneNumbers_MakeAPolicy() => Make().IntervalFor(FactoryClass.B).ShouldBe(12);

    [Theory]
    [InlineData(0, 1, 1.5, 90, 30, 90, "1 to 60 months, not 0")]
    [InlineData(12, 0, 1.5, 90, 30, 90, "0 < min ≤ max ≤ 10 days, not 0–1.5")]
    [InlineData(12, 2, 1.5, 90, 30, 90, "not 2–1.5")]
    [InlineData(12, 1, 1.5, -1, 30, 90, "window before a due follow-up of 'ccc' must be 0 to 335 days, not -1")]
    [InlineData(12, 1, 1.5, 90, -1, 90, "grace period of 'ccc' must be 0 to 335 days, not -1")]
    [InlineData(1, 1, 1.5, 10, 40, 90, "grace period of 'ccc' must be 0 to 27 days, not 40")]
    [InlineData(12, 1, 1.5, 90, 30, 0, "corrective-action deadline of 'ccc' must be at least 1 day, not 0")]
    public void NumbersThatCannotWork_AreRefused_NamingTheValue(int interval, double minDays, double maxDays, int window, int grace, int corrective, string reason) =>
        Should.Throw<ArgumentException>(() => Make(interval, (decimal)minDays, (decimal)maxDays, window, grace, corrective: corrective)).Message.ShouldContain(reason);

    [Fact]
    public void ClassIntervalOutOfRange_IsRefused() =>
        Should.Throw<ArgumentException>(() => Make(classes: new Dictionary<FactoryClass, int> { [FactoryClass.A] = 0 })).Message.ShouldContain("class A");

    [Fact]
    public void RuleWithoutASource_IsRefused() =>
        Should.Throw<ArgumentException>(() => Make(sources: Sourced.Where(s => s.Key != FollowUpRuleIds.Window).ToDictionary()))
            .Message.ShouldContain(FollowUpRuleIds.Window);

    [Fact]
    public void Rules_WithoutADefault_AreRefused() =>
        Should.Throw<ArgumentException>(() => new FollowUpRules([Make()])).Message.ShouldContain("'default'");

    [Fact]
    public void FailedFollowUp_WithoutAFinding_IsRefused() =>
        Should.Throw<ArgumentException>(() => FollowUpRecord.Failed(new DateOnly(2027, 1, 15), new DateOnly(2027, 1, 10), [" "]))
            .Message.ShouldContain("2027-01-15");
}
