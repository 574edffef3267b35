namespace Certa.Infrastructure.StatusLists;

/// <summary>
/// The signed status list credential a body publishes for one purpose, as last built. It is rebuilt only when
/// a bit changes, so its bytes and its ETag stay the same between changes and caches can keep it.
/// </summary>
public sealed class PublishedStatusList
{
    private PublishedStatusList()
    {
        BodyId = Purpose = Json = ETag = Digest = string.Empty;
    }

    public PublishedStatusList(string bodyId, string purpose)
    {
        BodyId = bodyId;
        Purpose = purpose;
        Json = ETag = Digest = string.Empty;
    }

    public string BodyId { get; private set; }

    /// <summary>revocation, suspension or message.</summary>
    public string Purpose { get; private set; }

    /// <summary>The signed BitstringStatusListCredential, byte for byte as served.</summary>
    public string Json { get; private set; }

    /// <summary>A strong ETag of <see cref="Json"/>.</summary>
    public string ETag { get; private set; }

    /// <summary>SHA-256 of the uncompressed bitstring: what decides whether the list changed.</summary>
    public string Digest { get; private set; }

    /// <summary>How many bits are set.</summary>
    public int SetBits { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public void Publish(string json, string etag, string digest, int setBits, DateTimeOffset at)
    {
        Json = json;
        ETag = etag;
        Digest = digest;
        SetBits = setBits;
        PublishedAt = at;
    }
}
