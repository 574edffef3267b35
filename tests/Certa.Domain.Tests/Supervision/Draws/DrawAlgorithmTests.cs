using Certa.Domain.Supervision.Draws;

namespace Certa.Domain.Tests.Supervision.Draws;

public class DrawAlgorithmTests
{
    private readonly DrawBuilder draw = new();

    [Fact]
    public void SameInputs_GiveTheSameResult_BitForBit()
    {
        var first = draw.Run();
        var second = (draw with { }).Run();

        second.Digest.ShouldBe(first.Digest);
        second.Seed.ShouldBe(first.Seed);
        second.Targets.Select(t => t.CertificateNumber).ShouldBe(first.Targets.Select(t => t.CertificateNumber));
    }

    [Fact]
    public void InputsGivenInAnotherOrder_ChangeNothing()
    {
        var reordered = draw with
        {
            Candidates = [.. draw.Candidates.Reverse()],
            Pool = [.. draw.Pool.Reverse()],
            PastAudits = [new("insp-cqc-01", "ent-03", new DateOnly(2025, 1, 1)), new("insp-cesi-01", "ent-04", new DateOnly(2025, 2, 1))],
            Filters = new DrawFilters(schemeIds: ["ccc", "ccc"], riskLevels: ["medium", "low", "high"]),
        };
        var original = reordered with
        {
            PastAudits = [.. reordered.PastAudits.Reverse()],
            Filters = new DrawFilters(schemeIds: ["ccc"], riskLevels: ["high", "low", "medium"]),
        };

        reordered.Run().Digest.ShouldBe(original.Run().Digest);
        DrawSeed.Of(reordered.Inputs()).Hex.ShouldBe(DrawSeed.Of(original.Inputs()).Hex);
    }

    [Fact]
    public void AnotherPublicRandomValue_ChangesTheSeedAndTheDraw()
    {
        var first = draw.Run();
        var other = (draw with { PublicRandom = "drand round 1001: 00fe" }).Run();

        other.Seed.ShouldNotBe(first.Seed);
        other.Digest.ShouldNotBe(first.Digest);
        other.Targets.Select(t => t.CertificateNumber).ShouldNotBe(first.Targets.Select(t => t.CertificateNumber));
    }

    [Fact]
    public void ACandidateAdded_ChangesTheSeed_EvenWhenTheFiltersLeaveItOut()
    {
        var first = draw.Run();
        var outside = new DrawCandidate("2026020100000001", "ent-99", "cqc", "cn-rohs", "rohs.01", "region-0", "low");

        var withIt = (draw with { Candidates = [.. draw.Candidates, outside] }).Run();

        withIt.PopulationSize.ShouldBe(first.PopulationSize);
        withIt.Seed.ShouldNotBe(first.Seed);
    }

    [Fact]
    public void AnotherRate_ChangesTheSeedAndTheSampleSize()
    {
        var twenty = draw.Run();
        var ten = (draw with { Sample = DrawSample.OfRate(0.1m) }).Run();

        twenty.SampleSize.ShouldBe(6);
        ten.SampleSize.ShouldBe(3);
        ten.Seed.ShouldNotBe(twenty.Seed);
    }

    [Theory]
    [InlineData("0.05", 30, 2)]
    [InlineData("0.05", 20, 1)]
    [InlineData("0.01", 3, 1)]
    [InlineData("0.07", 100, 7)]
    [InlineData("0.333333", 3, 1)]
    [InlineData("1", 30, 30)]
    [InlineData("0.5", 0, 0)]
    public void Rate_IsRoundedUp_AndAtLeastOneOfANonEmptyPopulation(string rate, int population, int expected) =>
        DrawSample.OfRate(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)).For(population).ShouldBe(expected);

    [Theory]
    [InlineData(5, 30, 5)]
    [InlineData(40, 30, 30)]
    [InlineData(1, 0, 0)]
    public void Size_IsAtMostThePopulation(int size, int population, int expected) =>
        DrawSample.OfSize(size).For(population).ShouldBe(expected);

    [Fact]
    public void Filters_KeepOnlyMatchingCandidates()
    {
        var result = (draw with { Filters = new DrawFilters(bodyIds: ["cccf"], riskLevels: ["low", "high"]), Sample = DrawSample.OfSize(100) }).Run();

        var expected = draw.Candidates.Where(c => c.BodyId == "cccf" && c.Risk is "low" or "high").Select(c => c.CertificateNumber).Order().ToList();
        result.PopulationSize.ShouldBe(expected.Count);
        result.Targets.Select(t => t.CertificateNumber).Order().ShouldBe(expected);
    }

    [Fact]
    public void OwnOrganisation_RelationsAndRecentAudits_KeepInspectorsAway()
    {
        var target = DrawBuilder.Candidate(3); // body cqc, enterprise ent-03
        var one = draw with
        {
            Candidates = [target],
            Sample = DrawSample.OfSize(1),
            InspectorsPerTarget = 3,
            Pool =
            [
                new("own-body", "cqc"), new("related", "cesi-cert", ["ent-03"]), new("audited-lately", "cesi-cert"),
                new("audited-long-ago", "cesi-cert"), new("free", "cccf"),
            ],
            PastAudits = [new("audited-lately", "ent-03", new DateOnly(2023, 11, 27)), new("audited-long-ago", "ent-03", new DateOnly(2023, 11, 26))],
        };

        var result = one.Run();

        result.Targets.Single().InspectorIds.Order().ShouldBe(["audited-long-ago", "free"]);
        result.Shortfalls.Single().ShouldBe(new DrawShortfall(target.CertificateNumber, 3, 2, 2, DrawShortfallReason.TooFewEligible));
    }

    [Fact]
    public void ExclusionsSwitchedOff_LetEveryoneIn()
    {
        var one = draw with
        {
            Candidates = [DrawBuilder.Candidate(3)],
            Sample = DrawSample.OfSize(1),
            InspectorsPerTarget = 3,
            Pool = [new("own-body", "cqc"), new("related", "cesi-cert", ["ent-03"]), new("audited-lately", "cesi-cert")],
            PastAudits = [new("audited-lately", "ent-03", new DateOnly(2026, 1, 1))],
            Exclusions = new DrawExclusions(ownOrganisation: false, recentAuditYears: null, declaredRelations: false),
        };

        one.Run().Targets.Single().InspectorIds.Count.ShouldBe(3);
    }

    [Fact]
    public void LoadCap_SpreadsTheWork_AndNamesTheShortfallItCauses()
    {
        // 3 cqc targets may only get the one cesi inspector; the cap is ceil(3*1/4)+1 = 2 for a pool of 4, so the cesi
        // inspector takes 2 of them and the third is short because of the cap, not for want of an eligible inspector.
        var result = (draw with
        {
            Candidates = [.. new[] { 3, 6, 9 }.Select(DrawBuilder.Candidate)],
            Sample = DrawSample.OfSize(3),
            InspectorsPerTarget = 1,
            Pool = [new("a", "cqc"), new("b", "cqc"), new("c", "cqc"), new("cesi", "cesi-cert")],
        }).Run();

        result.LoadCap.ShouldBe(2);
        result.Targets.Count(t => t.InspectorIds.Contains("cesi")).ShouldBe(2);
        result.Shortfalls.Single().Reason.ShouldBe(DrawShortfallReason.LoadCap);
        result.Shortfalls.Single().Eligible.ShouldBe(1);
        result.Targets.Single(t => t.InspectorIds.Count == 0).CertificateNumber.ShouldBe(result.Shortfalls.Single().CertificateNumber);
    }
}
