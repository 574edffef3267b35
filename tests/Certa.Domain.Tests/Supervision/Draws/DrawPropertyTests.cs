using Certa.Domain.Supervision.Draws;
using CsCheck;

namespace Certa.Domain.Tests.Supervision.Draws;

/// <summary>
/// Laws every draw obeys, over generated populations, pools, relations and past audits. Eligibility is
/// recomputed here from the facts, not asked of the code under test.
/// </summary>
public class DrawPropertyTests
{
    private const int Iterations = 400;

    private static readonly string[] Organisations = ["cqc", "cesi-cert", "cccf", "ent-1", "ent-2"];

    private static readonly DateOnly DrawDate = new(2026, 11, 27);

    private static readonly Gen<DrawCandidate> Candidates =
        Gen.Select(Gen.Int[1, 60], Gen.Int[1, 6], Gen.Int[0, 2], Gen.Int[0, 2], (n, enterprise, body, risk) =>
            new DrawCandidate($"N{n:D3}", $"ent-{enterprise}", DrawBuilder.Bodies[body], "ccc", "ccc.0902", "r", risk.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<DrawInspector> Inspectors =
        Gen.Select(Gen.Int[1, 12], Gen.Int[0, Organisations.Length - 1], Gen.Int[0, 6].Array[0, 2], (id, org, relations) =>
            new DrawInspector($"i{id:D2}", Organisations[org], relations.Select(r => r == 0 ? "cccf" : $"ent-{r}")));

    private static readonly Gen<PastAudit> Audits =
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 6], Gen.Int[0, 2500], (id, enterprise, daysAgo) =>
            new PastAudit($"i{id:D2}", $"ent-{enterprise}", DrawDate.AddDays(-daysAgo)));

    private static readonly Gen<(DrawInputs Inputs, int Years)> Draws =
        Gen.Select(
            Candidates.Array[0, 40],
            Inspectors.Array[1, 10],
            Audits.Array[0, 15],
            Gen.Int[1, 4],
            Gen.Int[1, 5],
            Gen.Int[1, 20],
            Gen.String,
            (candidates, pool, audits, perTarget, years, size, random) =>
            {
                var definition = new DrawDefinition("p", "cnca", DrawDate, DrawFilters.None, DrawSample.OfSize(size),
                    pool.DistinctBy(i => i.Id), new DrawExclusions(recentAuditYears: years), audits, perTarget);
                return (new DrawInputs(definition, candidates.DistinctBy(c => c.CertificateNumber), "r:" + random), years);
            });

    [Fact]
    public void EveryDraw_KeepsExcludedInspectorsAway_DrawsEachTargetOnce_RespectsTheCap_AndNamesEveryShortfall()
    {
        Draws.Sample(draw =>
        {
            var (inputs, years) = draw;
            var definition = inputs.Definition;
            var result = DrawAlgorithm.Run(inputs);
            var candidates = inputs.Candidates.ToDictionary(c => c.CertificateNumber);
            var load = result.Targets.SelectMany(t => t.InspectorIds).CountBy(id => id).ToDictionary();

            result.Targets.Count.ShouldBe(Math.Min(definition.Sample.Size!.Value, inputs.Candidates.Count));
            result.Targets.Select(t => t.CertificateNumber).ShouldBeUnique();
            load.Values.ShouldAllBe(n => n <= result.LoadCap);
            result.LoadCap.ShouldBe(result.Targets.Count == 0 ? 0 : (int)Math.Ceiling((double)result.Targets.Count * definition.InspectorsPerTarget / definition.Pool.Count) + 1);
            foreach (var target in result.Targets)
            {
                var candidate = candidates[target.CertificateNumber];
                var eligible = definition.Pool.Where(i => !Conflicted(i, candidate, definition.PastAudits, years)).Select(i => i.Id).ToList();
                target.InspectorIds.ShouldBeUnique();
                target.InspectorIds.ShouldBeSubsetOf(eligible);
                target.InspectorIds.Count.ShouldBeLessThanOrEqualTo(definition.InspectorsPerTarget);

                var shortfall = result.Shortfalls.SingleOrDefault(s => s.CertificateNumber == target.CertificateNumber);
                if (target.InspectorIds.Count == definition.InspectorsPerTarget)
                {
                    shortfall.ShouldBeNull();
                    continue;
                }

                shortfall.ShouldNotBeNull();
                shortfall.Assigned.ShouldBe(target.InspectorIds.Count);
                shortfall.Eligible.ShouldBe(eligible.Count);
                if (eligible.Count < definition.InspectorsPerTarget)
                {
                    shortfall.Reason.ShouldBe(DrawShortfallReason.TooFewEligible);
                }
                else
                {
                    // Short although enough were eligible: every eligible one left out must have reached the cap.
                    shortfall.Reason.ShouldBe(DrawShortfallReason.LoadCap);
                    eligible.Except(target.InspectorIds).ShouldAllBe(id => load.GetValueOrDefault(id) == result.LoadCap);
                }
            }

            result.Shortfalls.Count.ShouldBe(result.Targets.Count(t => t.InspectorIds.Count < definition.InspectorsPerTarget));
        }, iter: Iterations, print: d => $"{d.Inputs.Candidates.Count} candidates, {d.Inputs.Definition.Pool.Count} inspectors");
    }

    [Fact]
    public void ShufflingThePool_AndTheCandidates_NeverChangesTheDigest()
    {
        Gen.Select(Draws, Gen.Int).Sample((draw, shuffle) =>
        {
            var (inputs, _) = draw;
            var d = inputs.Definition;
            var random = new Random(shuffle);
            var shuffled = new DrawInputs(
                new DrawDefinition(d.Id, d.AuthorityId, d.DrawDate, d.Filters, d.Sample, d.Pool.OrderBy(_ => random.Next()), d.Exclusions,
                    d.PastAudits.OrderBy(_ => random.Next()), d.InspectorsPerTarget),
                inputs.Candidates.OrderBy(_ => random.Next()), inputs.PublicRandom);

            DrawAlgorithm.Run(shuffled).Digest.ShouldBe(DrawAlgorithm.Run(inputs).Digest);
        }, iter: 100);
    }

    private static bool Conflicted(DrawInspector inspector, DrawCandidate target, IEnumerable<PastAudit> audits, int years) =>
        inspector.OrganisationId == target.BodyId
        || inspector.OrganisationId == target.EnterpriseId
        || inspector.Relations.Contains(target.EnterpriseId)
        || inspector.Relations.Contains(target.BodyId)
        || audits.Any(a => a.InspectorId == inspector.Id && a.EnterpriseId == target.EnterpriseId && a.Date >= DrawDate.AddYears(-years));
}
