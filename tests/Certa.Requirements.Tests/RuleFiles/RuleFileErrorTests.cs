using Certa.Infrastructure.ReferenceData;

namespace Certa.Requirements.Tests.RuleFiles;

/// <summary>A bad rule file is refused at load, naming the file, the line, the rule and the position in its condition.</summary>
public sealed class RuleFileErrorTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("certa-rules-").FullName;

    public RuleFileErrorTests()
    {
        var source = Path.Combine(RealData.RepositoryRoot, "data");
        foreach (var file in Directory.EnumerateFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "data", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string Rules => Path.Combine(root, "data", "requirements", "rules.yaml");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void UnknownFactInACondition_IsReportedWithFileLineRuleAndPosition()
    {
        var lines = File.ReadAllLines(Rules).ToList();
        var srrc = lines.FindIndex(l => l.Trim() == "- id: cn-srrc");
        var when = lines.FindIndex(srrc, l => l.TrimStart().StartsWith("when:", StringComparison.Ordinal));
        lines[when] = "    when: 'markets has \"CN\" and radios has \"bluetooth\"'";
        File.WriteAllLines(Rules, lines);

        var error = Should.Throw<ReferenceDataException>(() => ReferenceDataReader.Read(Path.Combine(root, "data"))).Errors.ShouldHaveSingleItem();

        error.File.ShouldBe("data/requirements/rules.yaml");
        error.Line.ShouldBe(when + 1);
        error.Reason.ShouldContain("cn-srrc");
        error.Reason.ShouldContain("position 22");
        error.Reason.ShouldContain("unknown fact 'radios'");
    }

    [Fact]
    public void UnknownDocument_IsReportedAtItsRule()
    {
        File.WriteAllText(Rules, File.ReadAllText(Rules).Replace("documents: [energy_test_report, energy_label_draft]",
            "documents: [energy_test_report, horoscope]", StringComparison.Ordinal));

        var error = Should.Throw<ReferenceDataException>(() => ReferenceDataReader.Read(Path.Combine(root, "data"))).Errors.ShouldHaveSingleItem();

        error.File.ShouldBe("data/requirements/rules.yaml");
        error.Reason.ShouldContain("cn-energy-label");
        error.Reason.ShouldContain("'horoscope'");
    }
}
