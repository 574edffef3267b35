using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Certa.Domain.Common;
using Certa.Domain.Verification;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;
using Certa.Infrastructure.Verification;
using Certa.Web.Access;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Certa.Web.Verification;

/// <summary>
/// <c>GET /api/v1/public/certificates/{number}</c>: anyone may ask whether a certificate is valid, as of a day, for a model and a
/// holder. Answers carry an ETag and may be cached for a minute (status lists promise no fresher); the server keeps each
/// answer a few seconds too, and forgets it at once when a certificate changes in this process.
/// </summary>
public static class VerificationEndpoints
{
    private static readonly TimeSpan ServerLifetime = TimeSpan.FromSeconds(5);

    public static void MapVerificationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/public/certificates/{number}", Verify).WithTags("Verification").WithName("VerifyCertificate")
            .WithSummary("Verify a certificate by number")
            .WithDescription("Valid or not on the day asked (today by default), every reason why not, and what the certificate covers. "
                + "404 with look-alike numbers when no certificate has the number.")
            .Produces<PublicVerificationDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest)
            .AddEndpointFilter<DomainProblems>().Public().RequireRateLimiting(PublicRateLimits.Lookup);
    }

    private static async Task<IResult> Verify(HttpContext http, string number,
        [Description("The day to check, YYYY-MM-DD; today when left out.")] string? at,
        [Description("The model printed on the product: is it one the certificate covers?")] string? model,
        [Description("The holder's or manufacturer's name on the product or paper.")] string? holder,
        VerificationAnswerCache cache, TimeProvider clock, CancellationToken ct)
    {
        var request = new VerificationRequest(number, CertificateVerifier.ParseDay(at), Blank(model), Blank(holder));
        CertificateVerifier.Check(request);
        var on = CertificateVerifier.Day(request.On, clock);
        var key = (cache.Changes.Generation, number.Trim(), on, request.Model, request.Party);
        if (!cache.Entries.TryGetValue(key, out CachedAnswer? answer) || answer is null)
        {
            // Only a miss needs the database: a hit is answered without a DbContext, the larger part of a request's cost.
            var services = http.RequestServices;
            answer = await AnswerAsync(services.GetRequiredService<CertificateVerifier>(), request with { On = on },
                services.GetRequiredService<IssuerIdentity>().PublicUrl, services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions, ct);
            cache.Entries.Set(key, answer, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ServerLifetime, Size = answer.Body.Length });
        }

        http.Response.Headers.ETag = answer.ETag;
        // A day in the past stays as it was; today's answer may change, so caches check again after a minute.
        http.Response.Headers.CacheControl = request.On < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) ? "public, max-age=3600" : "public, max-age=60";
        if (http.Request.Headers.IfNoneMatch.Any(v => v == answer.ETag || v == "*"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        http.Response.StatusCode = answer.Status;
        return Results.Bytes(answer.Body, answer.ContentType);
    }

    private static async Task<CachedAnswer> AnswerAsync(CertificateVerifier verifier, VerificationRequest request, string baseUrl, JsonSerializerOptions options,
        CancellationToken ct)
    {
        var report = await verifier.VerifyAsync(request, ct);
        var verdict = report.Verdict;
        if (report.Certificate is null)
        {
            var problem = new Dictionary<string, object?>
            {
                ["type"] = "about:blank",
                ["title"] = "Unknown certificate",
                ["status"] = StatusCodes.Status404NotFound,
                ["detail"] = verdict.Findings[0].Message,
                ["code"] = FindingCodes.Unknown,
                ["number"] = verdict.Number,
                ["suggestions"] = verdict.Suggestions ?? [],
            };
            return CachedAnswer.Of(JsonSerializer.SerializeToUtf8Bytes(problem, options), "application/problem+json", StatusCodes.Status404NotFound);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(PublicVerificationDto.From(verdict, report.Certificate, baseUrl), options);
        return CachedAnswer.Of(body, "application/json; charset=utf-8", StatusCodes.Status200OK);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal sealed record CachedAnswer(byte[] Body, string ContentType, int Status, string ETag)
    {
        public static CachedAnswer Of(byte[] body, string contentType, int status) =>
            new(body, contentType, status, $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
    }
}

/// <summary>The verification answers kept for a few seconds: bounded to 32 MB, so a flood of distinct numbers cannot fill memory.</summary>
public sealed class VerificationAnswerCache(CertificateChanges changes) : IDisposable
{
    /// <summary>The application's change generation, which every key starts with.</summary>
    public CertificateChanges Changes { get; } = changes;

    public MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = 32 * 1024 * 1024 });

    public void Dispose() => Entries.Dispose();
}
