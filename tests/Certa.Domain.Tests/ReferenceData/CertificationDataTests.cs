using Certa.Domain.Tests.Builders;
using Certa.Infrastructure.Certification;

namespace Certa.Domain.Tests.ReferenceData;

/// <summary>The certification data (factory-audit checklists, certificate numbers) as shipped, and their errors.</summary>
public class CertificationDataTests
{
    private static CertificationDefinitions Shipped()
    {
        var snapshot = RepositoryData.Read();
        return CertificationDataReader.Read(snapshot.AdvisorFiles, [.. snapshot.Schemes.Select(s => s.Id)], [.. snapshot.Bodies.Select(b => b.Id)]);
    }

    [Fact]
    public void Ccc_HasTheSeedsFourChecks_TwoAuditors_TwoToThreeDays()
    {
        var rule = Shipped().AuditRules["ccc"];

        rule.MinAuditors.ShouldBe(2);
        (rule.MinDays, rule.MaxDays).ShouldBe((2, 3));
        rule.Checklist.Select(c => c.Id).ShouldBe(["quality_system", "product_consistency", "equipment", "routine_tests"]);
        rule.Checklist.ShouldAllBe(c => !string.IsNullOrEmpty(c.Text.Zh));
    }

    [Fact]
    public void Ccc_NumbersCqcCertificates_AsSixteenDigits() =>
        Shipped().NumberPatterns["ccc"].Format(Shipped().NumberPatterns["ccc"].Prefix("cqc", "0902", 2026), 7).ShouldBe("2026010902000007");

    [Fact]
    public void AChecklistForAnUnknownScheme_IsReportedAtItsLine()
    {
        using var data = MinimalDataSet.Create().With("certification/audit.yaml", """
            audit_checklists:
              - scheme: nope
                min_auditors: 2
                min_days: 2
                max_days: 3
                source: "test"
                items:
                  - { id: quality_system, text: { en: "Quality system" } }
            """);

        var error = data.Refusal().ShouldHaveSingleItem();

        error.Line.ShouldBe(2);
        error.Reason.ShouldContain("unknown scheme 'nope'");
    }

    [Fact]
    public void ANumberPatternWithoutASequence_OrACodeForAnUnknownBody_IsReported()
    {
        using var data = MinimalDataSet.Create().With("certification/numbers.yaml", """
            certificate_numbers:
              - scheme: ccc
                pattern: "{yyyy}{body}"
                body_codes: { cqc: "01" }
                source: "test"
              - scheme: ccc
                pattern: "{yyyy}{seq:4}"
                body_codes: { nobody: "02" }
                source: "test"
            """);

        var errors = data.Refusal();

        errors.Select(e => e.Reason).ShouldContain(r => r.Contains("must end with one {seq:N}", StringComparison.Ordinal));
        errors.Select(e => e.Reason).ShouldContain(r => r.Contains("'nobody' is not a body", StringComparison.Ordinal));
    }
}
