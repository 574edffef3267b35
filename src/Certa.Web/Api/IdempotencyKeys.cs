namespace Certa.Web.Api;

/// <summary>Metadata: the endpoint creates something, and honours an <c>Idempotency-Key</c>.</summary>
public sealed record IdempotentEndpoint
{
    public static IdempotentEndpoint Instance { get; } = new();
}

/// <summary>
/// The <c>Idempotency-Key</c> request header (draft-ietf-httpapi-idempotency-key-header) on creating
/// calls: the first request with a key runs and its response is kept for 24 hours; the same request
/// with the same key gets that response again (<c>Idempotent-Replayed: true</c>) and nothing runs twice.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Opts the endpoint in; the header stays optional for its callers.</summary>
    public static TBuilder Idempotent<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(IdempotentEndpoint.Instance)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
                {
                    Name = Header,
                    In = Microsoft.OpenApi.ParameterLocation.Header,
                    Required = false,
                    Description = "A key of 1–255 printable ASCII characters (a UUID): a repeat of the same request within 24 hours gets the " +
                        $"first answer again, with '{ReplayedHeader}: true'; the same key on another request is 422, while the first runs 409.",
                    Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
                });
                return Task.CompletedTask;
            });

    /// <summary>After authorization, so that only a permitted caller reserves a key, and before the endpoint runs.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();

    /// <summary>
    /// The key: 1–255 printable ASCII characters, bare or as a structured-field string (<c>"…"</c>, as the draft writes it).
    /// </summary>
    public static bool TryParse(string? value, out string key)
    {
        key = value?.Trim() ?? string.Empty;
        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"')
        {
            key = key[1..^1];
        }

        return key.Length is >= 1 and <= 255 && key.All(c => c is >= ' ' and <= '~');
    }
}
