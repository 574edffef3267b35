using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// Everything a draw depends on: the definition, the population snapshot (sorted by certificate
/// number) and the public random value entered at draw time (a published lottery number, a drand
/// round's randomness: any text nobody could know when the definition and snapshot were fixed).
/// </summary>
public sealed class DrawInputs
{
    public DrawInputs(DrawDefinition definition, IEnumerable<DrawCandidate> candidates, string publicRandom)
    {
        Definition = definition;
        Candidates = [.. candidates.OrderBy(c => c.CertificateNumber, StringComparer.Ordinal)];
        if (Candidates.GroupBy(c => c.CertificateNumber, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw DomainException.Invalid("draw-candidate-duplicate",
                $"Certificate {twice.Key} is in the population snapshot of draw {definition.Id} {twice.Count()} times.", "candidates");
        }

        PublicRandom = string.IsNullOrWhiteSpace(publicRandom)
            ? throw DomainException.Invalid("draw-public-random-missing",
                $"Draw {definition.Id} needs the public random value entered at draw time (e.g. a drand round's randomness).", "publicRandom")
            : publicRandom;
    }

    public DrawDefinition Definition { get; }

    /// <summary>Sorted by certificate number.</summary>
    public IReadOnlyList<DrawCandidate> Candidates { get; }

    public string PublicRandom { get; }
}
