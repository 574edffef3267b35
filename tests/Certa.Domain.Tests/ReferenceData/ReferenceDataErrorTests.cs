using Certa.Domain.Registry;
using Certa.Domain.Tests.Builders;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Domain.Tests.ReferenceData;

/// <summary>A record that cannot be read is reported with its file, its line and what is wrong.</summary>
public class ReferenceDataErrorTests
{
    [Fact]
    public void Read_WhenYamlIsMalformed_ReportsTheFileAndLine()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", """
            authorities:
              - id: MIIT
                jurisdiction: CN
               kind: ministry
                source: "S4"
            """);

        var error = data.Refusal().ShouldHaveSingleItem();

        error.File.ShouldBe("data/extra.yaml");
        error.Line.ShouldBe(4);
        error.Reason.ShouldStartWith("not valid YAML: ");
    }

    [Fact]
    public void Read_WhenFileIsNotAMapping_SaysWhatTheFileMustHold()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", """
            - id: MIIT
              kind: ministry
            """);

        var error = data.Refusal().ShouldHaveSingleItem();

        error.File.ShouldBe("data/extra.yaml");
        error.Line.ShouldBe(1);
        error.Reason.ShouldContain("the file must be a mapping of authorities, schemes");
    }

    [Fact]
    public void Read_WhenTopLevelSectionIsUnknown_ReportsItAtItsLine()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", """
            # ministries
            authorites:
              - id: MIIT
                name: "Ministry of Industry and Information Technology"
                jurisdiction: CN
                kind: ministry
                source: "S4"
            """);

        var error = data.Refusal().ShouldHaveSingleItem();

        error.File.ShouldBe("data/extra.yaml");
        error.Line.ShouldBe(2);
        error.Reason.ShouldContain("unknown section 'authorites'");
        error.Reason.ShouldContain("expected one of authorities, schemes, rules, standards, catalogue, history, bodies, labs");
    }

    [Fact]
    public void Read_WhenRecordHasAMisspelledField_ReportsTheFieldAtItsLine()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", """
            authorities:
              - id: MIIT
                name: "Ministry of Industry and Information Technology"
                jurisdiction: CN
                kind: ministry
                parnet: SAMR
                source: "S4"
            """);

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 6, "unknown field 'parnet'")]);
    }

    [Fact]
    public void Read_WhenNestedRecordHasAMisspelledField_ReportsTheFieldAtItsLine()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Body("{ scheme: ccc, all: true, categorys: [9] }"));

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 7, "unknown field 'categorys'")]);
    }

    [Fact]
    public void Read_WhenRecordHasNoSource_ReportsTheRecord()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", """
            authorities:
              - id: SAMR
                name: "State Administration for Market Regulation"
                jurisdiction: CN
                kind: regulator
              - id: MIIT
                name: "Ministry of Industry and Information Technology"
                jurisdiction: CN
                kind: ministry
            """);

        data.Refusal().ShouldBe([
            new ReferenceDataError("data/extra.yaml", 2, "every record needs a 'source'"),
            new ReferenceDataError("data/extra.yaml", 6, "every record needs a 'source'"),
        ]);
    }

    [Fact]
    public void Read_WhenRequiredFieldIsMissing_NamesIt()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", """
            authorities:
              - id: MIIT
                name: "Ministry of Industry and Information Technology"
                kind: ministry
                source: "S4"
            """);

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 2, "'jurisdiction' is required")]);
    }

    [Fact]
    public void Read_WhenBilingualTextLacksEnglish_SaysSo()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", """
            authorities:
              - id: MIIT
                name: { zh: "工业和信息化部" }
                jurisdiction: CN
                kind: ministry
                source: "S4"
            """);

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 3, "'name' needs an English text ('en')")]);
    }

    [Theory]
    [InlineData("obligation", 7, "mandatory, voluntary, market_driven")]
    [InlineData("management", 8, "samr_cnca, independent, joint_with_samr_cnca, gso")]
    [InlineData("mode", 9, "certification, self_declaration, type_approval, licence, label_filing, assessment, announcement")]
    public void Read_WhenEnumValueIsUnknown_ListsTheAllowedValues(string field, int line, string allowed)
    {
        var yaml = field switch
        {
            "obligation" => Snippets.Scheme(obligation: "compulsory"),
            "management" => Snippets.Scheme(management: "compulsory"),
            _ => Snippets.Scheme(mode: "compulsory"),
        };
        using var data = MinimalDataSet.Create().With("extra.yaml", yaml);

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", line, $"'{field}' is 'compulsory'; expected one of {allowed}")]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2")]
    public void Read_WhenEnumValueIsANumber_IsRefusedLikeAnyUnknownValue(string value)
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Scheme(obligation: value));

        data.Refusal().ShouldBe([
            new ReferenceDataError("data/extra.yaml", 7, $"'obligation' is '{value}'; expected one of mandatory, voluntary, market_driven"),
        ]);
    }

    [Fact]
    public void Read_WhenEnumValueHasSeveralWords_ReadsItInSnakeCase()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Scheme(obligation: "market_driven", management: "joint_with_samr_cnca"));

        var scheme = data.Read().Schemes.Single(s => s.Id == "cn-test");

        scheme.Obligation.ShouldBe(Obligation.MarketDriven);
        scheme.Management.ShouldBe(Management.JointWithSamrCnca);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-2-1")]
    [InlineData("01.02.2026")]
    [InlineData("soon")]
    public void Read_WhenDateIsNotIso_ReportsTheDateAtItsLine(string date)
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Standard(inForce: date));

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 6, $"'in_force' must be a date YYYY-MM-DD, not '{date}'")]);
    }

    [Fact]
    public void Read_WhenWholeNumberIsNotANumber_ReportsItAtItsLine()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Scheme(validityYears: "five"));

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 10, "'validity_years' must be a whole number, not 'five'")]);
    }

    [Fact]
    public void Read_WhenVerifiedIsNotABoolean_ReportsItAtItsLine()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", """
            authorities:
              - id: MIIT
                name: "Ministry of Industry and Information Technology"
                jurisdiction: CN
                kind: ministry
                source: "S4"
                verified: maybe
            """);

        data.Refusal().ShouldBe([new ReferenceDataError("data/extra.yaml", 7, "'verified' must be true or false, not 'maybe'")]);
    }

    [Fact]
    public void Read_WhenEditionNumberIsNotAStandardNumber_ReportsTheRecord()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Standard(number: "GB-XYZ"));

        var error = data.Refusal().ShouldHaveSingleItem();

        (error.File, error.Line).ShouldBe(("data/extra.yaml", 2));
        error.Reason.ShouldContain("'GB-XYZ' is not a standard number");
    }

    [Fact]
    public void Read_WhenProductNamesABadStandardNumber_ReportsTheStandardsLine()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Catalogue(standards: "\"GB 4943.1\", \"safety of laptops\""));

        var error = data.Refusal().ShouldHaveSingleItem();

        (error.File, error.Line).ShouldBe(("data/extra.yaml", 14));
        error.Reason.ShouldContain("'safety of laptops' is not a standard number");
    }

    [Fact]
    public void Read_WhenEditionNumberHasNoYear_ReportsTheRecord()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Standard(number: "GB 28380"));

        var error = data.Refusal().ShouldHaveSingleItem();

        (error.File, error.Line).ShouldBe(("data/extra.yaml", 2));
        error.Reason.ShouldContain("'GB 28380' names a family, not an edition");
    }

    [Fact]
    public void Read_WhenDomainRefusesTheRecord_ReportsTheRecordWithTheDomainsReason()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Standard(inForce: "2025-01-01", published: "2025-01-24"));

        var error = data.Refusal().ShouldHaveSingleItem();

        (error.File, error.Line).ShouldBe(("data/extra.yaml", 2));
        error.Reason.ShouldContain("GB 28380-2025 comes into force (2025-01-01) before it is published (2025-01-24)");
    }

    [Fact]
    public void Read_WhenValidityYearsAreZero_ReportsTheScheme()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Scheme(validityYears: "0"));

        var error = data.Refusal().ShouldHaveSingleItem();

        (error.File, error.Line).ShouldBe(("data/extra.yaml", 2));
        error.Reason.ShouldContain("Validity of 0 years is not positive");
    }

    [Fact]
    public void Read_WhenIdIsDuplicatedInAnotherFile_ReportsTheSecondAndNamesTheFirst()
    {
        using var data = MinimalDataSet.Create()
            .With("ministries.yaml", """
                authorities:
                  - id: MIIT
                    name: "Ministry of Industry and Information Technology"
                    jurisdiction: CN
                    kind: ministry
                    source: "S4"
                """)
            .With("more.yaml", """
                # MIIT again, by mistake
                authorities:
                  - id: MIIT
                    name: "MIIT"
                    jurisdiction: CN
                    kind: ministry
                    source: "S4"
                """);

        data.Refusal().ShouldBe([new ReferenceDataError("data/more.yaml", 3, "duplicate authority 'MIIT' (first at data/ministries.yaml:2)")]);
    }

    [Fact]
    public void Read_WhenProductCodeIsDuplicated_ReportsTheSecondProduct()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Catalogue().Replace("\"0101\"", "\"0902\"", StringComparison.Ordinal));

        data.Refusal().ShouldBe([
            new ReferenceDataError("data/extra.yaml", 9, "duplicate product-type 'ccc.0902' (first at data/ccc/catalogue.yaml:11)"),
        ]);
    }

    [Fact]
    public void Read_WhenErrorIsInASubdirectory_ReportsThePathFromTheDataDirectorysParent()
    {
        using var data = MinimalDataSet.Create().With("gcc/extra.yaml", Snippets.Scheme(mode: "stamp"));

        data.Refusal().ShouldHaveSingleItem().File.ShouldBe("data/gcc/extra.yaml");
    }

    [Fact]
    public void Read_WhenSeveralRecordsAndFilesAreWrong_ReportsEveryError()
    {
        using var data = MinimalDataSet.Create()
            .With("a-broken.yaml", """
                authorities:
                  - id: MIIT
                 kind: ministry
                """)
            .With("b-records.yaml", """
                authorities:
                  - id: MIIT
                    name: "Ministry of Industry and Information Technology"
                    jurisdiction: CN
                    kind: ministry
                  - id: NDRC
                    name: "National Development and Reform Commission"
                    jurisdiction: CN
                    kind: commission
                    source: "S4"
                """)
            .With("c-scheme.yaml", Snippets.Scheme(validityYears: "five"));

        var errors = data.Refusal();

        errors.Select(e => (e.File, e.Line)).ShouldBe([
            ("data/a-broken.yaml", 3),
            ("data/b-records.yaml", 2),
            ("data/b-records.yaml", 9),
            ("data/c-scheme.yaml", 10),
        ]);
        errors[1].Reason.ShouldBe("every record needs a 'source'");
        errors[2].Reason.ShouldStartWith("'kind' is 'commission'");
    }

    [Fact]
    public void Read_WhenDirectoryHasNoYamlFiles_IsRefused()
    {
        using var data = new DataFolder().With("README.md", "# nothing here");

        var error = data.Refusal().ShouldHaveSingleItem();

        error.Reason.ShouldBe("no *.yaml files found");
        error.File.ShouldBe(data.DataPath);
    }

    [Fact]
    public void Read_WhenDirectoryIsMissing_IsRefused()
    {
        using var data = new DataFolder();
        var missing = Path.Combine(data.DataPath, "no-such-dir");

        var error = Should.Throw<ReferenceDataException>(() => ReferenceDataReader.Read(missing)).Errors.ShouldHaveSingleItem();

        error.ShouldBe(new ReferenceDataError(missing, 0, "data directory not found"));
    }

    [Fact]
    public void ReferenceDataException_MessageCountsErrorsAndShowsTheFirst()
    {
        using var data = MinimalDataSet.Create().With("extra.yaml", Snippets.Scheme(mode: "stamp"));

        var exception = Should.Throw<ReferenceDataException>(() => data.Read());

        exception.Message.ShouldStartWith("1 error(s) in reference data; first: data/extra.yaml:9: 'mode' is 'stamp'");
    }
}
