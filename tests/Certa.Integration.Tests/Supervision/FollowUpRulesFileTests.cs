using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.ReferenceData;
using Certa.Infrastructure.Supervision;
using Certa.Testing;

namespace Certa.Integration.Tests.Supervision;

/// <summary><c>data/supervision/follow-up.yaml</c> is read and checked: a fault is refused with its file, line and what is wrong.</summary>
public sealed class FollowUpRulesFileTests
{
    private const string Valid = """
        follow_up:
          - scheme: default
            rules:
              - { id: follow-up.interval, months: 12, source: "test" }
              - { id: follow-up.audit-duration, min_days: 1, max_days: 1.5, source: "test" }
              - { id: follow-up.window, days_before_due: 90, source: "test" }
              - { id: follow-up.overdue-suspends, grace_days: 30, deadline_days: 90, source: "test" }
              - { id: follow-up.failed-suspends, corrective_days: 90, source: "test" }
              - { id: follow-up.deadline-passed-withdraws, source: "test" }
              - { id: follow-up.validity-ends-expires, source: "test" }
        """;

    [Fact]
    public void RepositoryFile_Loads_WithCccsYearlyFollowUp_AndEveryRuleSourced()
    {
        var rules = FollowUpRulesFile.Load(CertaTestApp.RepositoryDataDirectory, ["ccc", "cqc-mark"]);

        var ccc = rules.For("ccc");
        ccc.SchemeId.ShouldBe("ccc");
        ccc.IntervalMonths.ShouldBe(12);
        ccc.IntervalFor(FactoryClass.A).ShouldBe(12);
        (ccc.MinAuditDays, ccc.MaxAuditDays).ShouldBe((1m, 1.5m));
        ccc.GraceDays.ShouldBe(30);
        ccc.CorrectiveDays.ShouldBe(90);
        ccc.Sources[FollowUpRuleIds.DeadlinePassedWithdraws].Source.ShouldContain("2008 No. 19");
        ccc.Sources[FollowUpRuleIds.OverdueSuspends].Source.ShouldContain("Certa default, not from a rule");
        rules.For("cqc-mark").SchemeId.ShouldBe(FollowUpRules.DefaultScheme);
    }

    [Theory]
    [InlineData("months: 12", "months: 0", "1 to 60 months, not 0")]
    [InlineData("months: 12", "months: twelve", "'months' must be a whole number, not 'twelve'")]
    [InlineData("max_days: 1.5", "max_days: 0.5", "0 < min ≤ max ≤ 10 days, not 1–0.5")]
    [InlineData("max_days: 1.5", "max_days: long", "'max_days' must be a number of days such as 1 or 1.5, not 'long'")]
    [InlineData("grace_days: 30", "grace_days: -5", "grace period of 'default' must be 0 to 335 days, not -5")]
    [InlineData("grace_days: 30", "grace_day: 30", "'grace_days' is required")]
    [InlineData("corrective_days: 90,", "corrective_days: 90, correction_days: 60,", "unknown field 'correction_days'")]
    [InlineData("follow-up.window,", "follow-up.windows,", "unknown rule 'follow-up.windows'")]
    [InlineData("follow-up.validity-ends-expires", "follow-up.interval", "rule 'follow-up.interval' is stated twice")]
    [InlineData("{ id: follow-up.deadline-passed-withdraws, source: \"test\" }", "{ id: follow-up.deadline-passed-withdraws }", "needs a 'source'")]
    [InlineData("scheme: default", "scheme: ccc", "needs a 'default' entry")]
    [InlineData("scheme: default", "scheme: cqq", "unknown scheme 'cqq'")]
    public void FaultyFile_IsRefused_WithItsFileLineAndWhatIsWrong(string part, string replacement, string reason)
    {
        Valid.ShouldContain(part);

        var refused = Should.Throw<ReferenceDataException>(() => FollowUpRulesFile.Parse("f.yaml", Valid.Replace(part, replacement), ["ccc"]));

        var error = refused.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe("f.yaml");
        error.Line.ShouldBeGreaterThan(0);
        error.Reason.ShouldContain(reason);
    }

    [Fact]
    public void MissingRule_IsNamed()
    {
        var without = string.Join('\n', Valid.Split('\n').Where(l => !l.Contains("follow-up.window", StringComparison.Ordinal)));

        Should.Throw<ReferenceDataException>(() => FollowUpRulesFile.Parse("f.yaml", without)).Errors.Single().Reason
            .ShouldContain("lacks the rules follow-up.window");
    }

    [Fact]
    public void BrokenYaml_IsRefused_WithItsLine() =>
        Should.Throw<ReferenceDataException>(() => FollowUpRulesFile.Parse("f.yaml", Valid + "\n  - [unclosed")).Errors.Single().Line.ShouldBeGreaterThan(9);

    [Fact]
    public void MissingFile_IsRefused_NamingIt() =>
        Should.Throw<ReferenceDataException>(() => FollowUpRulesFile.Load(Path.GetTempPath())).Errors.Single().File.ShouldBe(FollowUpRulesFile.FileName);
}
