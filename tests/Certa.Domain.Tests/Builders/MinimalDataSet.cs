namespace Certa.Domain.Tests.Builders;

/// <summary>
/// The smallest data set that reads without errors: one authority, one scheme, one rule, two
/// editions of one standard (the newer replacing the older), a catalogue with one category and two
/// product types, a history, a body and a lab. Tests add a file beside it to make one thing wrong.
/// </summary>
internal static class MinimalDataSet
{
    public const string CatalogueSource = "SAMR Ann. 2023 No.36";

    public const string Authorities = """
        authorities:
          - id: SAMR
            name: { en: "State Administration for Market Regulation", zh: "国家市场监督管理总局" }
            jurisdiction: CN
            kind: regulator
            url: "https://www.samr.gov.cn"
            source: "S4"
        """;

    public const string Schemes = """
        schemes:
          - id: ccc
            code: CCC
            name: { en: "China Compulsory Certification", zh: "中国强制性产品认证" }
            authority: SAMR
            jurisdiction: CN
            obligation: mandatory
            impact: market_access
            management: samr_cnca
            mode: certification
            validity_years: 5
            source: "S3; S4"
        """;

    public const string Rules = """
        rules:
          - id: "CNCA-C09-01:2023"
            scheme: ccc
            title: { en: "CCC implementation rules — IT equipment", zh: "强制性产品认证实施规则 信息技术设备" }
            issued: 2023-06-01
            source: "CNCA Ann. 2023"
        """;

    public const string Standards = """
        standards:
          - number: "GB 4943.1-2011"
            title: "Information technology equipment — Safety — Part 1: General requirements"
            kind: mandatory
            published: 2011-12-30
            in_force: 2012-12-01
            source: "gmcompliance.com"
          - number: "GB 4943.1-2022"
            title: { en: "Audio/video, information and communication technology equipment — Part 1: Safety requirements", zh: "音视频、信息技术和通信技术设备 第1部分：安全要求" }
            kind: mandatory
            published: 2022-07-19
            in_force: 2023-08-01
            replaces: ["GB 4943.1-2011"]
            source: "sesec.eu"
            verified: false
            note: "Publication date from one source only."
        """;

    public const string Catalogue = $$"""
        catalogue:
          scheme: ccc
          edition: "2023"
          published: 2023-08-10
          source: "{{CatalogueSource}}"
          verified: false
          categories:
            - "no": 9
              name: { en: "Information technology equipment", zh: "信息技术设备" }
              products:
                - "no": 40
                  code: "0902"
                  name: { en: "Portable computers", zh: "便携式计算机" }
                  mode: third_party
                  rule: "CNCA-C09-01:2023"
                  standards: ["GB 4943.1"]
                  keywords: { en: ["laptop", "notebook"], zh: ["笔记本"] }
                  hs_codes: ["8471.30"]
                - "no": 41
                  name: "Tablet chargers"
                  mode: sdoc_a
                  source: "cqc.com.cn/tablets"
        """;

    public const string History = """
        history:
          scheme: ccc
          changes:
            - date: 2023-08-10
              instrument: "SAMR Ann. 2023 No.36"
              effect: { en: "2023 catalogue published", zh: "2023年目录发布" }
              source: "SAMR Ann. 2023 No.36"
        """;

    public const string Bodies = """
        bodies:
          - id: cqc
            abbr: CQC
            name: { en: "China Quality Certification Centre", zh: "中国质量认证中心" }
            country: CN
            city: Beijing
            designations:
              - { scheme: ccc, categories: [9] }
              - { scheme: ccc, products: ["0902"], standards: ["GB 4943.1-2022"] }
            source: "S4"
        labs:
          - id: cesi
            abbr: CESI
            name: "China Electronics Standardization Institute"
            country: CN
            foreign_invested: false
            designations:
              - { scheme: ccc, all: true, verified: false }
            source: "S4"
        """;

    /// <summary>A data folder holding the minimal set; dispose it to delete it.</summary>
    public static DataFolder Create() => new DataFolder()
        .With("authorities.yaml", Authorities)
        .With("schemes.yaml", Schemes)
        .With("ccc/rules.yaml", Rules)
        .With("ccc/standards.yaml", Standards)
        .With("ccc/catalogue.yaml", Catalogue)
        .With("ccc/history.yaml", History)
        .With("bodies.yaml", Bodies);
}
