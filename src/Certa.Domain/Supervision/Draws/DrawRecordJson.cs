using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// The draw record file (camelCase JSON, ADR 015). <see cref="Inputs"/> and <see cref="Result"/>
/// are also the documents the seed and the digest hash in RFC 8785 canonical form, so the file
/// shows exactly what was hashed.
/// </summary>
public static class DrawRecordJson
{
    /// <summary>Names the encoding; a change of the algorithm or of the documents needs a new one.</summary>
    public const string Format = "certa-draw/1";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        // Names are Chinese as often as not; the file is read by people and hashed in canonical form anyway.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>All inputs, every list in its sorted order: the document the seed hashes.</summary>
    public static JsonObject Inputs(DrawInputs inputs)
    {
        var d = inputs.Definition;
        return new JsonObject
        {
            ["format"] = Format,
            ["definition"] = new JsonObject
            {
                ["id"] = d.Id,
                ["authorityId"] = d.AuthorityId,
                ["drawDate"] = Date(d.DrawDate),
                ["filters"] = new JsonObject
                {
                    ["schemeIds"] = Strings(d.Filters.SchemeIds),
                    ["productTypeIds"] = Strings(d.Filters.ProductTypeIds),
                    ["regions"] = Strings(d.Filters.Regions),
                    ["bodyIds"] = Strings(d.Filters.BodyIds),
                    ["riskLevels"] = Strings(d.Filters.RiskLevels),
                },
                ["sample"] = d.Sample.Size is { } size ? new JsonObject { ["size"] = size } : new JsonObject { ["rate"] = d.Sample.Rate },
                ["inspectorsPerTarget"] = d.InspectorsPerTarget,
                ["exclusions"] = new JsonObject
                {
                    ["ownOrganisation"] = d.Exclusions.OwnOrganisation,
                    ["recentAuditYears"] = d.Exclusions.RecentAuditYears,
                    ["declaredRelations"] = d.Exclusions.DeclaredRelations,
                },
                ["pool"] = Array(d.Pool, i => new JsonObject
                {
                    ["id"] = i.Id,
                    ["organisationId"] = i.OrganisationId,
                    ["relations"] = Strings(i.Relations),
                }),
                ["pastAudits"] = Array(d.PastAudits, a => new JsonObject
                {
                    ["inspectorId"] = a.InspectorId,
                    ["enterpriseId"] = a.EnterpriseId,
                    ["date"] = Date(a.Date),
                }),
            },
            ["candidates"] = Array(inputs.Candidates, c => new JsonObject
            {
                ["certificateNumber"] = c.CertificateNumber,
                ["enterpriseId"] = c.EnterpriseId,
                ["bodyId"] = c.BodyId,
                ["schemeId"] = c.SchemeId,
                ["productTypeId"] = c.ProductTypeId,
                ["region"] = c.Region,
                ["risk"] = c.Risk,
            }),
            ["publicRandom"] = inputs.PublicRandom,
        };
    }

    /// <summary>The result without its digest: the document the digest hashes.</summary>
    public static JsonObject Result(DrawResult result) => new()
    {
        ["seed"] = result.Seed,
        ["populationSize"] = result.PopulationSize,
        ["sampleSize"] = result.SampleSize,
        ["loadCap"] = result.LoadCap,
        ["targets"] = Array(result.Targets, t => new JsonObject
        {
            ["certificateNumber"] = t.CertificateNumber,
            ["enterpriseId"] = t.EnterpriseId,
            ["bodyId"] = t.BodyId,
            ["inspectors"] = Strings(t.InspectorIds),
        }),
        ["shortfalls"] = Array(result.Shortfalls, s => new JsonObject
        {
            ["certificateNumber"] = s.CertificateNumber,
            ["needed"] = s.Needed,
            ["assigned"] = s.Assigned,
            ["eligible"] = s.Eligible,
            ["reason"] = DrawShortfall.Code(s.Reason),
        }),
    };

    /// <summary>The whole record, indented: inputs, then <c>result</c> and <c>digest</c>.</summary>
    public static string Write(DrawRecord record)
    {
        var json = Inputs(record.Inputs);
        json["result"] = Result(record.Result);
        json["digest"] = record.Digest;
        return json.ToJsonString(Output) + "\n";
    }

    /// <summary>Reads a record; a malformed file is refused with <c>draw-record-invalid</c> and the JSON path at fault.</summary>
    public static DrawRecord Read(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw Invalid("$", "is not a JSON object");
        }
        catch (JsonException e)
        {
            throw DomainException.Invalid("draw-record-invalid", $"The draw record is not valid JSON: {e.Message}");
        }

        if (Text(root, "format", "$") is var format && format != Format)
        {
            throw Invalid("$.format", $"is '{format}'; this version of Certa reads '{Format}'");
        }

        var definition = Object(root, "definition", "$");
        var inputs = new DrawInputs(ReadDefinition(definition), Objects(root, "candidates", "$").Select(x => ReadCandidate(x.Item, x.Path)), Text(root, "publicRandom", "$"));
        var result = Object(root, "result", "$");
        return DrawRecord.Published(inputs, new DrawResult(
            Text(result, "seed", "$.result"),
            Int(result, "populationSize", "$.result"),
            Int(result, "sampleSize", "$.result"),
            Int(result, "loadCap", "$.result"),
            [.. Objects(result, "targets", "$.result").Select(x => new DrawTarget(
                Text(x.Item, "certificateNumber", x.Path), Text(x.Item, "enterpriseId", x.Path), Text(x.Item, "bodyId", x.Path), StringList(x.Item, "inspectors", x.Path)))],
            [.. Objects(result, "shortfalls", "$.result").Select(x => new DrawShortfall(
                Text(x.Item, "certificateNumber", x.Path), Int(x.Item, "needed", x.Path), Int(x.Item, "assigned", x.Path), Int(x.Item, "eligible", x.Path),
                DrawShortfall.Parse(Text(x.Item, "reason", x.Path)) ?? throw Invalid($"{x.Path}.reason", "is neither too-few-eligible nor load-cap")))]),
            Text(root, "digest", "$"));
    }

    private static DrawDefinition ReadDefinition(JsonObject d)
    {
        const string at = "$.definition";
        var filters = d["filters"] is null ? new JsonObject() : Object(d, "filters", at);
        var sample = Object(d, "sample", at);
        var exclusions = d["exclusions"] is null ? new JsonObject() : Object(d, "exclusions", at);
        var date = Text(d, "drawDate", at);
        return new DrawDefinition(
            Text(d, "id", at),
            Text(d, "authorityId", at),
            ParseDate(date, $"{at}.drawDate"),
            new DrawFilters(
                StringList(filters, "schemeIds", $"{at}.filters", optional: true),
                StringList(filters, "productTypeIds", $"{at}.filters", optional: true),
                StringList(filters, "regions", $"{at}.filters", optional: true),
                StringList(filters, "bodyIds", $"{at}.filters", optional: true),
                StringList(filters, "riskLevels", $"{at}.filters", optional: true)),
            (sample["size"], sample["rate"]) switch
            {
                (not null, null) => DrawSample.OfSize(Int(sample, "size", $"{at}.sample")),
                (null, JsonValue rate) when rate.TryGetValue<decimal>(out var value) => DrawSample.OfRate(value),
                (null, not null) => throw Invalid($"{at}.sample.rate", "is not a number"),
                _ => throw Invalid($"{at}.sample", "needs either size or rate (not both)"),
            },
            Objects(d, "pool", at).Select(x => new DrawInspector(
                Text(x.Item, "id", x.Path), Text(x.Item, "organisationId", x.Path), StringList(x.Item, "relations", x.Path, optional: true))),
            new DrawExclusions(
                Bool(exclusions, "ownOrganisation", true, $"{at}.exclusions"),
                exclusions.ContainsKey("recentAuditYears")
                    ? exclusions["recentAuditYears"] is null ? null : Int(exclusions, "recentAuditYears", $"{at}.exclusions")
                    : DrawExclusions.DefaultRecentAuditYears,
                Bool(exclusions, "declaredRelations", true, $"{at}.exclusions")),
            Objects(d, "pastAudits", at, optional: true).Select(x => new PastAudit(
                Text(x.Item, "inspectorId", x.Path), Text(x.Item, "enterpriseId", x.Path), ParseDate(Text(x.Item, "date", x.Path), $"{x.Path}.date"))),
            d["inspectorsPerTarget"] is null ? DrawDefinition.DefaultInspectorsPerTarget : Int(d, "inspectorsPerTarget", at));
    }

    private static DrawCandidate ReadCandidate(JsonObject c, string path) => new(
        Text(c, "certificateNumber", path), Text(c, "enterpriseId", path), Text(c, "bodyId", path), Text(c, "schemeId", path),
        Text(c, "productTypeId", path), Text(c, "region", path), Text(c, "risk", path));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text, string path) =>
        IsoDate.TryParse(text, out var date) ? date : throw Invalid(path, $"is '{text}', not a date (yyyy-MM-dd)");

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> write) => [.. items.Select(i => (JsonNode)write(i))];

    private static string Text(JsonObject o, string name, string path) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Invalid($"{path}.{name}", "is missing or not a string");

    private static int Int(JsonObject o, string name, string path) =>
        o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : throw Invalid($"{path}.{name}", "is missing or not a whole number");

    private static bool Bool(JsonObject o, string name, bool absent, string path) =>
        o[name] switch
        {
            null => absent,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw Invalid($"{path}.{name}", "is not true or false"),
        };

    private static JsonObject Object(JsonObject o, string name, string path) =>
        o[name] as JsonObject ?? throw Invalid($"{path}.{name}", "is missing or not an object");

    private static IEnumerable<(JsonObject Item, string Path)> Objects(JsonObject o, string name, string path, bool optional = false)
    {
        var array = o[name] switch
        {
            JsonArray a => a,
            null when optional => [],
            _ => throw Invalid($"{path}.{name}", "is missing or not an array"),
        };
        return array.Select((item, i) => (item as JsonObject ?? throw Invalid($"{path}.{name}[{i}]", "is not an object"), $"{path}.{name}[{i}]"));
    }

    private static List<string> StringList(JsonObject o, string name, string path, bool optional = false) =>
        o[name] switch
        {
            JsonArray a => [.. a.Select((item, i) => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Invalid($"{path}.{name}[{i}]", "is not a string"))],
            null when optional => [],
            _ => throw Invalid($"{path}.{name}", "is missing or not an array of strings"),
        };

    private static DomainException Invalid(string path, string problem) =>
        DomainException.Invalid("draw-record-invalid", $"The draw record's {path} {problem}.", path);
}
