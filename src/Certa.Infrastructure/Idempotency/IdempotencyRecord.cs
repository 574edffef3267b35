namespace Certa.Infrastructure.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> of one caller: reserved when its first request starts, completed with
/// that request's response, which a repeat of the same request gets back instead of running again.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
        Caller = Key = Method = Path = RequestHash = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Who sent it, as the audit trail names them: <c>person:{id}</c>, <c>client:{key id}</c>.</summary>
    public string Caller { get; private set; }

    /// <summary>The key as the client sent it.</summary>
    public string Key { get; private set; }

    public string Method { get; private set; }

    public string Path { get; private set; }

    /// <summary>SHA-256 of the request body, lower-case hex.</summary>
    public string RequestHash { get; private set; }

    public int? StatusCode { get; private set; }

    /// <summary>The response body, encrypted (it may hold a secret, such as a new API key).</summary>
    public byte[]? ResponseBody { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    /// <summary>
    /// The instance that reserved it (<see cref="Cluster.InstancePresence.Id"/>), on PostgreSQL while that instance holds its
    /// presence lock: if it has died, its unfinished reservation can be freed at once.
    /// </summary>
    public int? Owner { get; private set; }

    public static IdempotencyRecord Reserve(string caller, string key, string method, string path, string requestHash, DateTimeOffset at,
        int? owner = null) => new()
    {
        Owner = owner,
        Id = Guid.CreateVersion7(at),
        Caller = caller,
        Key = key,
        Method = method,
        Path = path,
        RequestHash = requestHash,
        CreatedAt = at,
    };

    /// <summary>Whether <paramref name="method"/>, <paramref name="path"/> and the body's hash are those of the first request.</summary>
    public bool IsSameRequest(string method, string path, string requestHash) =>
        Method == method && string.Equals(Path, path, StringComparison.OrdinalIgnoreCase) && RequestHash == requestHash;

    public void Complete(int statusCode, string? contentType, string? location, byte[] protectedBody, DateTimeOffset at)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Location = location;
        ResponseBody = protectedBody;
        CompletedAt = at;
    }
}
