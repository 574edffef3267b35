using System.Text.Json;

namespace Certa.Integration.Tests.Hostile;

/// <summary>A parameter of an operation as the OpenAPI document states it: where it goes and its JSON type.</summary>
public sealed record OperationParameter(string Name, string In, string Type);

/// <summary>A top-level field of a JSON request body and its JSON type ("string", "integer", "object"…).</summary>
public sealed record BodyField(string Name, string Type, bool Required);

/// <summary>One operation of the OpenAPI document: what the corpus varies.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<OperationParameter> Parameters, string? BodyMediaType,
    IReadOnlyList<BodyField> BodyFields)
{
    public IEnumerable<OperationParameter> In(string location) => Parameters.Where(p => p.In == location);

    public bool Writes => Method is not "GET";

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Reads <c>/openapi/v1.json</c> (the document ASP.NET Core generates from the mapped endpoints) into operations, their
/// parameters and their JSON bodies' top-level fields, with <c>$ref</c> and <c>oneOf [null, $ref]</c> resolved.
/// </summary>
public static class OpenApiOperations
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    public static IReadOnlyList<ApiOperation> Read(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation))
                {
                    continue;
                }

                var parameters = operation.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new OperationParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var schema) ? TypeOf(schema, schemas) : "string")).ToList()
                    : [];
                var (mediaType, fields) = Body(operation, schemas);
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path.Name, parameters, mediaType, fields));
            }
        }

        return operations;
    }

    private static (string? MediaType, IReadOnlyList<BodyField> Fields) Body(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content))
        {
            return (null, []);
        }

        var first = content.EnumerateObject().FirstOrDefault();
        if (first.Value.ValueKind != JsonValueKind.Object || !first.Value.TryGetProperty("schema", out var schema))
        {
            return (first.Name, []);
        }

        var resolved = Resolve(schema, schemas);
        if (resolved.ValueKind != JsonValueKind.Object || !resolved.TryGetProperty("properties", out var properties))
        {
            return (first.Name, []);
        }

        var required = resolved.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        return (first.Name, [.. properties.EnumerateObject().Select(p => new BodyField(p.Name, TypeOf(p.Value, schemas), required.Contains(p.Name)))]);
    }

    /// <summary>The schema's JSON type, the first that is not "null"; "string" when the document leaves it open.</summary>
    private static string TypeOf(JsonElement schema, JsonElement schemas)
    {
        var resolved = Resolve(schema, schemas);
        if (resolved.ValueKind != JsonValueKind.Object)
        {
            return "string";
        }

        if (resolved.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? "string"
                : type.GetString()!;
        }

        return resolved.TryGetProperty("properties", out _) ? "object" : "string";
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var depth = 0; depth < 8; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object)
            {
                schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            }
            else if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
            {
                schema = oneOf.EnumerateArray().FirstOrDefault(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                if (schema.ValueKind != JsonValueKind.Object)
                {
                    return default;
                }
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }
}
