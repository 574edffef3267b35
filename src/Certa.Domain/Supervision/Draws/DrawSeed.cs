using System.Security.Cryptography;
using System.Text;
using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// The draw's seed: SHA-256 over the RFC 8785 canonical JSON of all inputs (<see cref="DrawRecordJson.Inputs"/>,
/// UTF-8). Every ranking is an HMAC-SHA256 keyed with these 32 bytes (ADR 015).
/// </summary>
public sealed class DrawSeed
{
    private readonly byte[] key;

    private DrawSeed(byte[] key)
    {
        this.key = key;
        Hex = Convert.ToHexStringLower(key);
    }

    /// <summary>The seed in lower-case hex, as published.</summary>
    public string Hex { get; }

    public static DrawSeed Of(DrawInputs inputs) => new(SHA256.HashData(CanonicalBytes(inputs)));

    /// <summary>The exact bytes the seed hashes.</summary>
    public static byte[] CanonicalBytes(DrawInputs inputs) => Encoding.UTF8.GetBytes(CanonicalJson.Serialize(DrawRecordJson.Inputs(inputs)));

    /// <summary>HMAC-SHA256(seed, UTF-8 of <paramref name="message"/>): the rank of whatever the message names; smaller comes first.</summary>
    public byte[] Rank(string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));

    /// <summary>Orders ranks as unsigned 256-bit big-endian numbers (byte by byte).</summary>
    public static int Compare(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);
}
