namespace Certa.Domain.Tests.Builders;

/// <summary>
/// One-record YAML files to put beside <see cref="MinimalDataSet"/>. Each is valid with the
/// defaults; the line numbers in the comments are what tests assert errors against.
/// </summary>
internal static class Snippets
{
    /// <summary>A scheme record at line 2; authority line 5, obligation 7, management 8, mode 9, validity_years 10.</summary>
    public static string Scheme(string id = "cn-test", string authority = "SAMR", string obligation = "voluntary",
        string management = "independent", string mode = "certification", string validityYears = "3") => $"""
        schemes:
          - id: {id}
            code: TEST
            name: "Test scheme"
            authority: {authority}
            jurisdiction: CN
            obligation: {obligation}
            management: {management}
            mode: {mode}
            validity_years: {validityYears}
            source: "test"
        """;

    /// <summary>A standard edition record at line 2; replaces line 5, in_force 6, published 7.</summary>
    public static string Standard(string number = "GB 28380-2025", string replaces = "", string inForce = "2026-02-01",
        string published = "2025-01-24") => $"""
        standards:
          - number: "{number}"
            title: "Test standard"
            kind: mandatory
            replaces: [{replaces}]
            in_force: {inForce}
            published: {published}
            source: "test"
        """;

    /// <summary>
    /// A second CCC catalogue (edition 2024) with one category (line 6) holding one product at line 9;
    /// the product's rule is at line 13 and its standards at line 14.
    /// </summary>
    public static string Catalogue(string rule = "CNCA-C09-01:2023", string standards = "\"GB 4943.1\"") => $"""
        catalogue:
          scheme: ccc
          edition: "2024"
          source: "test"
          categories:
            - "no": 1
              name: "Wires and cables"
              products:
                - "no": 1
                  code: "0101"
                  name: "Cord sets"
                  mode: third_party
                  rule: "{rule}"
                  standards: [{standards}]
        """;

    /// <summary>A body at line 2 whose single designation (a flow mapping) is at line 7.</summary>
    public static string Body(string designation = "{ scheme: ccc, all: true }") => $"""
        bodies:
          - id: test-body
            abbr: TB
            name: "Test body"
            country: CN
            designations:
              - {designation}
            source: "test"
        """;
}
