using System.Security.Cryptography;
using Certa.Infrastructure.Idempotency;
using Certa.Web.Access;
using Microsoft.AspNetCore.DataProtection;

namespace Certa.Web.Api;

/// <summary>
/// A middleware, not an endpoint filter: a filter runs after the body has been read into the
/// handler's arguments and before the result is written, so it sees neither the bytes that came
/// (to hash) nor the bytes that went (to keep). Endpoints opt in with <see cref="IdempotencyKeys.Idempotent"/>.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Certa.Idempotency.v1");

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is null
            || !http.Request.Headers.TryGetValue(IdempotencyKeys.Header, out var values)
            || http.Actor() is not { } actor)
        {
            await next(http);
            return;
        }

        var ct = http.RequestAborted;
        if (values.Count != 1 || !IdempotencyKeys.TryParse(values[0], out var key))
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "idempotency-key-invalid", "Invalid Idempotency-Key",
                $"An {IdempotencyKeys.Header} is one value of 1 to 255 printable ASCII characters, such as a UUID; '{values}' is not.");
            return;
        }

        var method = http.Request.Method;
        var path = http.Request.Path.Value ?? string.Empty;
        var hash = await HashBodyAsync(http.Request, ct);
        var reservation = await store.ReserveAsync(actor.AuditName, key, method, path, hash, ct);
        if (!reservation.IsNew)
        {
            await AnswerRepeatAsync(http, reservation, method, path, hash);
            return;
        }

        http.RequestServices.GetRequiredService<IdempotencyScope>().ReservationId = reservation.Record.Id;
        await RunAndKeepAsync(http, reservation.Record.Id);
    }

    private async Task RunAndKeepAsync(HttpContext http, Guid id)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(http);
            var response = http.Response;
            // A refused or failed request releases its key: nothing was created, and the client may fix the request
            // and send it again with the same key.
            if (response.StatusCode < 400)
            {
                await store.CompleteAsync(id, response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                    protector.Protect(buffer.ToArray()), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            http.Response.Body = original;
            if (!kept)
            {
                await store.ReleaseAsync(id, CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private async Task AnswerRepeatAsync(HttpContext http, Reservation reservation, string method, string path, string hash)
    {
        var record = reservation.Record;
        if (!record.IsSameRequest(method, path, hash))
        {
            await ProblemAsync(http, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key reused",
                $"The key '{record.Key}' was first used for {record.Method} {record.Path} with another body; use a new key for a new request.");
            return;
        }

        if (reservation.IsOrphaned)
        {
            await ProblemAsync(http, StatusCodes.Status409Conflict, "idempotency-replay-unavailable", "Answer not available",
                $"The request with the key '{record.Key}' was done, but the server stopped before it kept the answer. It was not run again; read the result with a GET.");
            return;
        }

        if (record.ResponseBody is null || record.StatusCode is not { } status)
        {
            http.Response.Headers.RetryAfter = "1";
            await ProblemAsync(http, StatusCodes.Status409Conflict, "idempotency-key-in-use", "Request still running",
                $"The first request with the key '{record.Key}' is still running; ask again in a moment to get its answer.");
            return;
        }

        byte[] body;
        try
        {
            body = protector.Unprotect(record.ResponseBody);
        }
        catch (CryptographicException)
        {
            await ProblemAsync(http, StatusCodes.Status409Conflict, "idempotency-replay-unavailable", "Answer not available",
                $"The request with the key '{record.Key}' was done, but its answer can no longer be read (the server's keys changed). It was not run again.");
            return;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = record.ContentType;
        if (record.Location is not null)
        {
            http.Response.Headers.Location = record.Location;
        }

        http.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static async Task<string> HashBodyAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(request.Body, ct));
        request.Body.Position = 0;
        return hash;
    }

    private static async Task ProblemAsync(HttpContext http, int status, string code, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } },
        });
    }
}
