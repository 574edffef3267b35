using System.Text;

namespace Certa.Integration.Tests.Hostile;

/// <summary>
/// Turns the OpenAPI operations into bad requests: for every parameter and body field a sample of <see cref="BadValues"/>
/// (a seeded shuffle, so every value is used across the run and a failure is reproducible), whole malformed bodies,
/// lying files and oversized uploads, malformed CSV/NDJSON, idempotency keys replayed with another body, and forged
/// credentials. Parameters not under test get a valid value from the demo world, so a bad value reaches the code behind.
/// </summary>
public sealed class HostileCorpus(
    HostileActor anonymous,
    Func<ApiOperation, HostileActor> actorWithRights,
    Func<ApiOperation, string, HostileActor, string> validPathValue,
    IReadOnlyList<(string Label, string Header, string Value)> credentials,
    int seed)
{
    /// <summary>Values tried per parameter and per body field; the full product would take minutes.</summary>
    public int PerParameter { get; init; } = 4;

    public int PerBodyField { get; init; } = 2;

    public int WholeBodies { get; init; } = 4;

    public IReadOnlyList<HostileRequest> For(IReadOnlyList<ApiOperation> operations)
    {
        var requests = new List<HostileRequest>();
        for (var index = 0; index < operations.Count; index++)
        {
            requests.AddRange(For(operations[index], index));
        }

        return requests;
    }

    private IEnumerable<HostileRequest> For(ApiOperation operation, int index)
    {
        var rights = actorWithRights(operation);
        for (var i = 0; i < 2; i++)
        {
            var (label, header, value) = credentials[(index * 2 + i) % credentials.Count];
            yield return Request(operation, $"forged {label}", anonymous, Url(operation, anonymous), DefaultBody(operation), [new(header, value)]);
        }

        foreach (var parameter in operation.Parameters)
        {
            var values = Sample(BadValues.Texts.Where(v => Fits(parameter, v)).ToList(), PerParameter, $"{operation}|{parameter.Name}");
            foreach (var (bad, position) in values.Select((v, i) => (v, i)))
            {
                // The first value of each parameter goes in anonymously too: refusing it must not depend on who asks.
                var actor = position == 0 && rights != anonymous ? anonymous : rights;
                yield return parameter.In switch
                {
                    "header" => Request(operation, $"{parameter.Name}={bad.Label}", actor, Url(operation, actor), DefaultBody(operation),
                        [new(parameter.Name, bad.Value)]),
                    _ => Request(operation, $"{parameter.Name}={bad.Label}", actor, Url(operation, actor, parameter, bad), DefaultBody(operation), []),
                };
            }
        }

        foreach (var request in Bodies(operation, rights))
        {
            yield return request;
        }

        if (operation.Parameters.Any(p => p.Name == "Idempotency-Key"))
        {
            var key = $"hostile-{index}-{seed}";
            yield return Request(operation, "idempotency first", rights, Url(operation, rights), DefaultBody(operation), [new("Idempotency-Key", key)]);
            yield return Request(operation, "idempotency replay, other body", rights, Url(operation, rights),
                new BadBody("other", BadValues.Utf8("{\"name\":\"other\",\"reason\":\"other\"}"), "application/json"), [new("Idempotency-Key", key)]);
            yield return Request(operation, "idempotency key too long", rights, Url(operation, rights), DefaultBody(operation),
                [new("Idempotency-Key", new string('k', 300))]);
        }
    }

    private IEnumerable<HostileRequest> Bodies(ApiOperation operation, HostileActor rights)
    {
        if (!operation.Writes)
        {
            yield break;
        }

        var url = Url(operation, rights);
        if (IsUpload(operation))
        {
            foreach (var file in BadValues.Files)
            {
                yield return Request(operation, $"file {file.Label}", rights, url, file, []);
            }

            yield return Request(operation, "file oversized pdf", rights, url, new BadBody("oversized", BadValues.PdfOf(BadValues.OversizedBytes), "application/pdf"), []);
            yield break;
        }

        if (IsBulk(operation))
        {
            foreach (var body in BadValues.BulkBodies)
            {
                yield return Request(operation, $"bulk {body.Label}", rights, url, body, []);
            }

            // Bulk verification takes up to 1 GB and a million lines on purpose; its limit is measured in bench/, not here.
            yield break;
        }

        if (operation.BodyMediaType is null && operation.Method is not ("POST" or "PUT"))
        {
            yield break;
        }

        foreach (var body in Sample(BadValues.JsonBodies, WholeBodies, $"{operation}|body"))
        {
            yield return Request(operation, $"body {body.Label}", rights, url, body, []);
        }

        foreach (var field in operation.BodyFields)
        {
            foreach (var (label, json) in Sample(BadValues.JsonValues, PerBodyField, $"{operation}|{field.Name}"))
            {
                yield return Request(operation, $"{field.Name}={label}", rights, url, JsonObject(operation, field.Name, json), []);
            }
        }
    }

    /// <summary>The operation's body with every field given a plausible value, except <paramref name="bad"/>, given <paramref name="json"/>.</summary>
    private static BadBody JsonObject(ApiOperation operation, string? bad, string? json)
    {
        var fields = operation.BodyFields.Select(f => $"\"{f.Name}\":{(f.Name == bad ? json : Plausible(f.Type))}");
        return new BadBody(bad ?? "plausible", BadValues.Utf8("{" + string.Join(',', fields) + "}"), "application/json");
    }

    private static BadBody? DefaultBody(ApiOperation operation) =>
        operation.BodyMediaType == "application/json" ? JsonObject(operation, null, null) : null;

    private static string Plausible(string type) => type switch
    {
        "integer" or "number" => "1",
        "boolean" => "true",
        "array" => "[]",
        "object" => "{}",
        _ => "\"x\"",
    };

    private static bool IsUpload(ApiOperation operation) => operation.Parameters.Any(p => p.Name == "fileName");

    private static bool IsBulk(ApiOperation operation) =>
        operation.Path.Contains("verify:bulk", StringComparison.Ordinal) || operation.Path.EndsWith("/import", StringComparison.Ordinal)
        || operation.BodyMediaType is "application/x-ndjson" or "text/csv";

    /// <summary>
    /// Header values must be ASCII without control characters, or the client refuses to send them. A NUL in the path itself is
    /// refused by Kestrel with a bare 400 before the app sees the request (it is tried in query strings and bodies instead).
    /// </summary>
    private static bool Fits(OperationParameter parameter, BadText value) => parameter.In switch
    {
        "header" => !value.Raw && value.Value.All(c => c is >= ' ' and <= '~'),
        "path" => !value.Value.Contains('\0', StringComparison.Ordinal) && !value.Value.Contains("%00", StringComparison.Ordinal),
        _ => true,
    };

    private string Url(ApiOperation operation, HostileActor actor, OperationParameter? bad = null, BadText? value = null)
    {
        var path = new StringBuilder(operation.Path);
        foreach (var parameter in operation.In("path"))
        {
            var text = parameter == bad ? Encode(value!) : Uri.EscapeDataString(validPathValue(operation, parameter.Name, actor));
            path.Replace("{" + parameter.Name + "}", text);
        }

        return bad is { In: "query" } ? $"{path}?{bad.Name}={Encode(value!)}" : path.ToString();
    }

    private static string Encode(BadText value) => value.Raw ? value.Value : Uri.EscapeDataString(value.Value);

    private static HostileRequest Request(ApiOperation operation, string variant, HostileActor actor, string url, BadBody? body,
        IReadOnlyList<KeyValuePair<string, string>> headers) => new(operation, variant, actor, url, body, headers);

    private List<T> Sample<T>(IReadOnlyList<T> values, int count, string key)
    {
        var random = new Random(seed ^ StableHash(key));
        return [.. values.OrderBy(_ => random.Next()).Take(count)];
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }
}
