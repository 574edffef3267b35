using Certa.Domain.Common;
using Certa.Domain.Registry;
using Certa.Domain.Tests.Builders;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Domain.Tests.ReferenceData;

public class ReferenceDataReaderTests
{
    [Fact]
    public void Read_WhenDataSetIsValid_ReadsEveryRecord()
    {
        using var data = MinimalDataSet.Create();

        var snapshot = data.Read();

        snapshot.Authorities.Select(a => a.Id).ShouldBe(["SAMR"]);
        snapshot.Schemes.Select(s => s.Id).ShouldBe(["ccc"]);
        snapshot.Rules.Select(r => r.Id).ShouldBe(["CNCA-C09-01:2023"]);
        snapshot.Standards.Select(s => s.Number).ShouldBe(["GB 4943.1-2011", "GB 4943.1-2022"], ignoreOrder: true);
        snapshot.Categories.Select(c => c.Id).ShouldBe(["ccc.2023.9"]);
        snapshot.ProductTypes.Select(p => p.Id).ShouldBe(["ccc.0902", "ccc.2023-41"]);
        snapshot.Changes.Select(c => c.Id).ShouldBe(["ccc.2023-08-10.1"]);
        snapshot.Bodies.Select(b => b.Id).ShouldBe(["cqc", "cesi"]);
    }

    [Fact]
    public void Read_WhenRecordHasNoVerifiedFlag_MarksItVerified()
    {
        using var data = MinimalDataSet.Create();

        var samr = data.Read().Authorities.ShouldHaveSingleItem();

        samr.Provenance.ShouldBe(new Provenance("S4"));
    }

    [Fact]
    public void Read_WhenRecordSaysVerifiedFalse_KeepsItUnverifiedWithItsNote()
    {
        using var data = MinimalDataSet.Create();

        var snapshot = data.Read();

        var edition = snapshot.Standards.Single(s => s.Number == "GB 4943.1-2022");
        edition.Provenance.ShouldBe(new Provenance("sesec.eu", verified: false, note: "Publication date from one source only."));
        snapshot.Standards.Single(s => s.Number == "GB 4943.1-2011").Provenance.Verified.ShouldBeTrue();
    }

    [Fact]
    public void Read_WhenCatalogueItemNamesNoSource_InheritsTheCataloguesSourceAndFlag()
    {
        using var data = MinimalDataSet.Create();

        var snapshot = data.Read();

        var inherited = new Provenance(MinimalDataSet.CatalogueSource, verified: false);
        snapshot.Categories.ShouldHaveSingleItem().Provenance.ShouldBe(inherited);
        snapshot.ProductTypes.Single(p => p.Id == "ccc.0902").Provenance.ShouldBe(inherited);
    }

    [Fact]
    public void Read_WhenCatalogueItemNamesItsOwnSource_KeepsIt()
    {
        using var data = MinimalDataSet.Create();

        var charger = data.Read().ProductTypes.Single(p => p.Id == "ccc.2023-41");

        charger.Provenance.ShouldBe(new Provenance("cqc.com.cn/tablets"));
    }

    [Fact]
    public void Read_ReadsAProductTypeWithItsRuleStandardsAndKeywords()
    {
        using var data = MinimalDataSet.Create();

        var laptop = data.Read().ProductTypes.Single(p => p.Id == "ccc.0902");

        laptop.Name.ShouldBe(new LocalizedText("Portable computers", "便携式计算机"));
        laptop.CategoryId.ShouldBe("ccc.2023.9");
        laptop.No.ShouldBe(40);
        laptop.Mode.ShouldBe(ProductMode.ThirdParty);
        laptop.RuleId.ShouldBe("CNCA-C09-01:2023");
        laptop.StandardFamilies.ShouldBe(["GB 4943.1"]);
        laptop.KeywordsEn.ShouldBe(["laptop", "notebook"]);
        laptop.KeywordsZh.ShouldBe(["笔记本"]);
        laptop.HsCodes.ShouldBe(["8471.30"]);
    }

    [Fact]
    public void Read_ReadsSnakeCaseEnumsAndOptionalSchemeTerms()
    {
        using var data = MinimalDataSet.Create();

        var ccc = data.Read().Schemes.ShouldHaveSingleItem();

        ccc.Name.In("zh").ShouldBe("中国强制性产品认证");
        ccc.AuthorityId.ShouldBe("SAMR");
        ccc.Obligation.ShouldBe(Obligation.Mandatory);
        ccc.Impact.ShouldBe(Impact.MarketAccess);
        ccc.Management.ShouldBe(Management.SamrCnca);
        ccc.Mode.ShouldBe(SchemeMode.Certification);
        ccc.ValidityYears.ShouldBe(5);
        ccc.Mark.IsEmpty.ShouldBeTrue();
        ccc.Provenance.Source.ShouldBe("S3; S4");
    }

    [Fact]
    public void Read_ReadsEditionDatesAndReplacements()
    {
        using var data = MinimalDataSet.Create();

        var edition = data.Read().Standards.Single(s => s.Number == "GB 4943.1-2022");

        edition.Family.ShouldBe("GB 4943.1");
        edition.Kind.ShouldBe(StandardKind.Mandatory);
        edition.Published.ShouldBe(new DateOnly(2022, 7, 19));
        edition.InForce.ShouldBe(new DateOnly(2023, 8, 1));
        edition.Withdrawn.ShouldBeNull();
        edition.Replaces.ShouldBe(["GB 4943.1-2011"]);
        edition.Title.In("zh").ShouldBe("音视频、信息技术和通信技术设备 第1部分：安全要求");
    }

    [Fact]
    public void Read_WhenTitleIsPlainText_TakesItAsEnglish()
    {
        using var data = MinimalDataSet.Create();

        var edition = data.Read().Standards.Single(s => s.Number == "GB 4943.1-2011");

        edition.Title.ShouldBe(new LocalizedText("Information technology equipment — Safety — Part 1: General requirements"));
    }

    [Fact]
    public void Read_ReadsBodyDesignationsInTextForm()
    {
        using var data = MinimalDataSet.Create();

        var cqc = data.Read().Bodies.Single(b => b.Id == "cqc");

        cqc.Kind.ShouldBe(BodyKind.CertificationBody);
        cqc.City.ShouldBe("Beijing");
        cqc.ForeignInvested.ShouldBeFalse();
        cqc.Designations.ShouldBe(["ccc/cat:9", "ccc/prod:0902", "ccc/std:GB 4943.1"]);
        cqc.Provenance.Verified.ShouldBeTrue();
    }

    [Fact]
    public void Read_WhenADesignationIsUnverified_MarksTheLabUnverifiedAndSaysWhich()
    {
        using var data = MinimalDataSet.Create();

        var cesi = data.Read().Bodies.Single(b => b.Id == "cesi");

        cesi.Kind.ShouldBe(BodyKind.Laboratory);
        cesi.Designations.ShouldBe(["ccc"]);
        cesi.Provenance.ShouldBe(new Provenance("S4", verified: false, note: "designated scope unverified: ccc"));
    }

    [Fact]
    public void Read_ReadsHistoryChangesWithTheirDates()
    {
        using var data = MinimalDataSet.Create();

        var change = data.Read().Changes.ShouldHaveSingleItem();

        change.SchemeId.ShouldBe("ccc");
        change.Date.ShouldBe(new DateOnly(2023, 8, 10));
        change.Instrument.ShouldBe("SAMR Ann. 2023 No.36");
        change.Effect.In("zh").ShouldBe("2023年目录发布");
    }

    [Fact]
    public void Read_WhenTwoChangesShareADate_NumbersThemInOrder()
    {
        using var data = MinimalDataSet.Create().With("more-history.yaml", """
            history:
              scheme: ccc
              changes:
                - { date: 2024-01-01, instrument: "A", effect: "first", source: "test" }
                - { date: 2024-01-01, instrument: "B", effect: "second", source: "test" }
            """);

        var changes = data.Read().Changes.Where(c => c.Date == new DateOnly(2024, 1, 1));

        changes.Select(c => (c.Id, c.Instrument)).ShouldBe([("ccc.2024-01-01.1", "A"), ("ccc.2024-01-01.2", "B")]);
    }

    [Fact]
    public void Read_WhenSnippetsAreAddedBesideTheMinimalSet_ReadsThemToo()
    {
        using var data = MinimalDataSet.Create()
            .With("extra/scheme.yaml", Snippets.Scheme())
            .With("extra/standard.yaml", Snippets.Standard())
            .With("extra/catalogue.yaml", Snippets.Catalogue())
            .With("extra/body.yaml", Snippets.Body());

        var snapshot = data.Read();

        snapshot.Schemes.Select(s => s.Id).ShouldContain("cn-test");
        snapshot.Standards.Select(s => s.Number).ShouldContain("GB 28380-2025");
        snapshot.ProductTypes.Select(p => p.Id).ShouldContain("ccc.0101");
        snapshot.Bodies.Select(b => b.Id).ShouldContain("test-body");
    }

    [Fact]
    public void SearchEntries_OfTheSnapshot_FindsTheLaptopByItsChineseKeyword()
    {
        using var data = MinimalDataSet.Create();

        var entry = data.Read().SearchEntries().Single(e => e.Id == "product-type:ccc.0902");

        entry.Names.ShouldContain("|笔记本|");
        entry.Text.ShouldContain("gb 4943.1");
        entry.Detail.ShouldBe("0902 · CNCA-C09-01:2023");
        entry.Verified.ShouldBeFalse();
    }
}
