using System.Security.Cryptography;
using System.Text;
using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// What a draw gave: the seed, the targets in drawn order with their inspectors, the shortfalls, and
/// <see cref="Digest"/>, one hash to compare a published draw by.
/// </summary>
public sealed record DrawResult(
    string Seed,
    int PopulationSize,
    int SampleSize,
    int LoadCap,
    IReadOnlyList<DrawTarget> Targets,
    IReadOnlyList<DrawShortfall> Shortfalls)
{
    /// <summary>SHA-256 (lower-case hex) of the RFC 8785 canonical JSON of this result (<see cref="DrawRecordJson.Result"/>); the seed in it binds the inputs.</summary>
    public string Digest => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(DrawRecordJson.Result(this)))));
}
