namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// The "double random" draw (ADR 015): random targets, then random inspectors for each. Pure and
/// deterministic: the same inputs give the same result on any machine, with no clock and no
/// random number generator, only HMAC-SHA256 keyed with the seed.
/// </summary>
public static class DrawAlgorithm
{
    public static DrawResult Run(DrawInputs inputs)
    {
        var definition = inputs.Definition;
        var seed = DrawSeed.Of(inputs);
        var population = inputs.Candidates.Where(definition.Filters.Matches).ToList();
        var sampleSize = definition.Sample.For(population.Count);
        var targets = population
            .Select(c => (Candidate: c, Rank: seed.Rank("target:" + c.CertificateNumber)))
            .OrderBy(x => x.Rank, Comparer<byte[]>.Create(DrawSeed.Compare))
            .ThenBy(x => x.Candidate.CertificateNumber, StringComparer.Ordinal)
            .Take(sampleSize)
            .Select(x => x.Candidate)
            .ToList();

        var perTarget = definition.InspectorsPerTarget;
        var loadCap = sampleSize == 0 ? 0 : CeilingDivide(sampleSize * perTarget, definition.Pool.Count) + 1;
        var load = definition.Pool.ToDictionary(i => i.Id, _ => 0, StringComparer.Ordinal);
        var drawn = new List<DrawTarget>(targets.Count);
        var shortfalls = new List<DrawShortfall>();
        foreach (var target in targets)
        {
            var eligible = definition.Pool
                .Where(i => !definition.Excludes(i, target))
                .Select(i => (Inspector: i, Rank: seed.Rank("inspector:" + target.CertificateNumber + ":" + i.Id)))
                .OrderBy(x => x.Rank, Comparer<byte[]>.Create(DrawSeed.Compare))
                .ThenBy(x => x.Inspector.Id, StringComparer.Ordinal)
                .Select(x => x.Inspector.Id)
                .ToList();
            var team = eligible.Where(id => load[id] < loadCap).Take(perTarget).ToList();
            foreach (var id in team)
            {
                load[id]++;
            }

            drawn.Add(new DrawTarget(target.CertificateNumber, target.EnterpriseId, target.BodyId, team));
            if (team.Count < perTarget)
            {
                var reason = eligible.Count < perTarget ? DrawShortfallReason.TooFewEligible : DrawShortfallReason.LoadCap;
                shortfalls.Add(new DrawShortfall(target.CertificateNumber, perTarget, team.Count, eligible.Count, reason));
            }
        }

        return new DrawResult(seed.Hex, population.Count, sampleSize, loadCap, drawn, shortfalls);
    }

    private static int CeilingDivide(int a, int b) => (a + b - 1) / b;
}
