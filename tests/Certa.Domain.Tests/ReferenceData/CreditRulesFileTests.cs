using Certa.Domain.Supervision.Credit;
using Certa.Domain.Tests.Builders;
using Certa.Infrastructure.ReferenceData;
using Certa.Infrastructure.Supervision;

namespace Certa.Domain.Tests.ReferenceData;

/// <summary><c>data/supervision/credit-rules.yaml</c> as shipped, and what a broken one is told.</summary>
public class CreditRulesFileTests
{
    private const string Valid = """
        credit_rules:
          starting_score: 100
          certa_default: true
          source: "test"
          levels:
            - { id: A, min_score: 90, meaning: { en: "Good", zh: "良好" } }
            - { id: D, min_score: 0, meaning: { en: "Bad", zh: "差" } }
          flag:
            levels: [D]
            message: { en: "Low credit", zh: "信用低" }
          event_types:
            - id: certificate-withdrawn
              subject: enterprise
              name: { en: "Certificate withdrawn", zh: "证书被撤销" }
              points: -30
              counts_for_months: 36
              decays: true
              certa_default: true
              source: "CNCA 2008 No.19"
        """;

    private static CreditRules Shipped() => CreditRulesFile.Load(RepositoryData.DataPath);

    [Fact]
    public void Shipped_LoadsAndValidates_WithTheFourLevelsAndTheIssuesEvents()
    {
        var rules = Shipped();

        rules.Levels.Select(l => l.Id).ShouldBe(["A", "B", "C", "D"]);
        rules.Levels.ShouldAllBe(l => l.Meaning.Zh != null);
        rules.Flag.Levels.ShouldBe(["C", "D"]);
        rules.Flag.Message.Zh.ShouldNotBeNull();
        rules.MaxScore.ShouldBe(rules.StartingScore);
        foreach (var id in new[] { "inspection-failed", "inspection-passed", "sampling-failed", "certificate-suspended", "certificate-withdrawn", "false-documents", "follow-up-overdue" })
        {
            rules.EventType(id).Subject.ShouldBe(CreditSubjectKind.Enterprise);
        }

        rules.EventType("decision-overturned").Subject.ShouldBe(CreditSubjectKind.Body);
        rules.EventType("inspection-passed").IsPositive.ShouldBeTrue();
        rules.EventType("false-documents").Serious.ShouldBeTrue();
    }

    [Fact]
    public void Shipped_SourcesEveryEvent_AndMarksEveryWeightAsCertasDefault() =>
        Shipped().EventTypes.ShouldAllBe(t => t.CertaDefault && t.Provenance.Source.Length > 0 && t.Name.Zh != null);

    [Fact]
    public void Shipped_AWithdrawalFlagsTheEnterprisesNextApplication_UntilItFades()
    {
        var rules = Shipped();
        var enterprise = CreditSubject.Enterprise("laptop-maker");
        var day = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        CreditEvent[] events = [new(enterprise, "certificate-withdrawn", day, "2026010902000007")];

        ApplicationFlag.For(rules, CreditAssessment.Of(rules, enterprise, events, day)).ShouldNotBeNull();
        ApplicationFlag.For(rules, CreditAssessment.Of(rules, enterprise, events, day.AddYears(2))).ShouldBeNull();
    }

    [Fact]
    public void Shipped_IsAcceptedByTheRegistryImport()
    {
        using var data = MinimalDataSet.Create().With(CreditRulesFile.FileName, File.ReadAllText(Path.Combine(RepositoryData.DataPath, CreditRulesFile.FileName)));

        data.Read().Schemes.ShouldNotBeEmpty();
    }

    [Fact]
    public void Valid_Parses_WithTheHighestScoreDefaultingToTheStart()
    {
        var rules = CreditRulesFile.Parse("c.yaml", Valid);

        rules.MaxScore.ShouldBe(100);
        rules.EventType("certificate-withdrawn").CountsForMonths.ShouldBe(36);
    }

    [Theory]
    [InlineData("points: -30", "points: 0", 15, "'points': Credit event 'certificate-withdrawn' has 0 points")]
    [InlineData("points: -30", "points: lots", 15, "'points' must be a whole number, not 'lots'")]
    [InlineData("counts_for_months: 36", "counts_for_months: 0", 16, "'counts_for_months': Credit event 'certificate-withdrawn' counts for 0 months")]
    [InlineData("subject: enterprise", "subject: person", 13, "'subject' is 'person'; expected one of enterprise, body")]
    [InlineData("decays: true", "decays: sometimes", 17, "'decays' must be true or false, not 'sometimes'")]
    [InlineData("      decays: true\n", "", 12, "'decays' is required (true or false)")]
    [InlineData("min_score: 90", "min_score: 0", 6, "'levels': Levels go from best to worst: 'D' (min_score 0) must start below 'A'")]
    [InlineData("min_score: 0", "min_score: 10", 6, "'levels': The lowest level 'D' starts at 10")]
    [InlineData("levels: [D]", "levels: [E]", 9, "'flag': The application flag names level 'E', which is not a level")]
    [InlineData("zh: \"信用低\"", "zz: \"信用低\"", 10, "unknown field 'zz'")]
    [InlineData("{ en: \"Good\", zh: \"良好\" }", "{ en: \"Good\" }", 6, "'meaning' needs a Chinese text ('zh')")]
    [InlineData("  starting_score: 100\n", "", 2, "'starting_score' is required")]
    [InlineData("    levels: [D]\n", "    levels: [A]\n", 9, "names 'A' but not the lower level 'D'")]
    [InlineData("      source: \"CNCA 2008 No.19\"", "      sauce: \"CNCA 2008 No.19\"", 12, "every record needs a 'source'")]
    public void BrokenFile_IsRefused_WithItsLineKeyAndReason(string part, string replacement, int line, string reason)
    {
        Valid.ShouldContain(part);

        var refused = Should.Throw<ReferenceDataException>(() => CreditRulesFile.Parse("c.yaml", Valid.Replace(part, replacement, StringComparison.Ordinal)));

        var error = refused.Errors.ShouldHaveSingleItem();
        error.ToString().ShouldStartWith($"c.yaml:{line}: ");
        error.Reason.ShouldContain(reason);
    }

    [Fact]
    public void NotYaml_IsRefused_WithItsLine() =>
        Should.Throw<ReferenceDataException>(() => CreditRulesFile.Parse("c.yaml", "credit_rules:\n  levels: [A\n"))
            .Errors.Single().Reason.ShouldStartWith("not valid YAML");

    [Fact]
    public void FileWithoutTheSection_IsRefused() =>
        Should.Throw<ReferenceDataException>(() => CreditRulesFile.Parse("c.yaml", "credits: {}\n"))
            .Errors.Single().Reason.ShouldBe("the file has no 'credit_rules' section");

    [Fact]
    public void MissingFile_IsRefused_NamingWhereItWasLookedFor()
    {
        using var data = new DataFolder();

        Should.Throw<ReferenceDataException>(() => CreditRulesFile.Load(data.DataPath))
            .Errors.Single().ToString().ShouldStartWith("supervision/credit-rules.yaml:0: not found in ");
    }

    [Fact]
    public void BrokenFile_IsRefusedByTheRegistryImportToo()
    {
        using var data = MinimalDataSet.Create().With(CreditRulesFile.FileName, Valid.Replace("points: -30", "points: 0", StringComparison.Ordinal));

        var error = data.Refusal().ShouldHaveSingleItem();

        error.File.ShouldBe("data/supervision/credit-rules.yaml");
        error.Reason.ShouldContain("has 0 points");
    }
}
