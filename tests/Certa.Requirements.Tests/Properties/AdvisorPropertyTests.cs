using Certa.Requirements.Conditions;
using Certa.Requirements.Evaluation;
using Certa.Requirements.Profiles;
using CsCheck;
using Certa.Requirements.Tests.Conditions;

namespace Certa.Requirements.Tests.Properties;

/// <summary>
/// Laws every answer obeys, checked over generated profiles: every product of products.yaml, any
/// subset of radios, the bool features that decide schemes, and any non-empty set of markets.
/// </summary>
public class AdvisorPropertyTests
{
    private const int Iterations = 300;

    private static readonly string[] ProductIds = [.. RealData.Knowledge.Definitions.Products.Select(p => p.Id)];

    private static readonly string[] RadioValues = [.. RealData.Knowledge.Features["radio"].Values];

    private static readonly string[] MarketCodes = [.. RealData.Knowledge.Markets.Values];

    /// <summary>Bool features that decide a scheme. Adapter and lithium battery are left out for unpowered products (a contradiction).</summary>
    private static readonly string[] Flags =
    [
        "public_telecom", "eep", "children_under_14", "critical_network_equipment", "commercial_crypto",
        "network_operator_system", "agricultural_machinery", "railway_product", "external_power_adapter", "lithium_battery",
    ];

    private static readonly Gen<GeneratedProfile> Profiles =
        Gen.Select(
            Gen.Int[0, ProductIds.Length - 1],
            Gen.Int[0, (1 << RadioValues.Length) - 1],
            Gen.Int[1, (1 << MarketCodes.Length) - 1],
            Gen.Int[0, (1 << Flags.Length) - 1],
            (product, radio, markets, flags) => new GeneratedProfile(
                ProductIds[product],
                Pick(RadioValues, radio),
                Pick(MarketCodes, markets),
                Flags.Select((f, i) => (f, (flags & (1 << i)) != 0)).Where(x => Allowed(ProductIds[product], x.f))
                    .ToDictionary(x => x.f, x => x.Item2, StringComparer.Ordinal)));

    [Fact]
    public void AddingARadio_NeverRemovesARequirement()
    {
        Gen.Select(Profiles, Gen.Int[0, RadioValues.Length - 1]).Sample((profile, extra) =>
        {
            var more = profile with { Radio = [.. profile.Radio.Append(RadioValues[extra]).Distinct()] };

            Needed(profile).ShouldBeSubsetOf(Needed(more));
        }, iter: Iterations, print: p => p.ToString());
    }

    [Fact]
    public void AddingAMarket_NeverRemovesARequirement()
    {
        Gen.Select(Profiles, Gen.Int[0, MarketCodes.Length - 1]).Sample((profile, extra) =>
        {
            var more = profile with { Markets = [.. profile.Markets.Append(MarketCodes[extra]).Distinct()] };

            Needed(profile).ShouldBeSubsetOf(Needed(more));
        }, iter: Iterations, print: p => p.ToString());
    }

    [Fact]
    public void EveryRule_IsEitherNeededOrRuledOut_ExactlyOnce()
    {
        var rules = RealData.Knowledge.Definitions.Rules.Select(r => r.Id).ToList();

        Profiles.Sample(profile =>
        {
            var answer = RealData.Evaluate(profile.Input);
            var needed = answer.Requirements.Select(r => r.Id).ToList();
            var ruledOut = answer.RuledOut.Select(r => r.Id).ToList();

            needed.Concat(ruledOut).ShouldBe(rules, ignoreOrder: true);
            needed.Intersect(ruledOut).ShouldBeEmpty();
        }, iter: Iterations, print: p => p.ToString());
    }

    [Fact]
    public void Explanations_MatchTheOutcome()
    {
        Profiles.Sample(profile =>
        {
            var answer = RealData.Evaluate(profile.Input);

            answer.Requirements.ShouldAllBe(r => r.Matched.Count > 0 && r.Matched.All(a => a.Result));
            answer.RuledOut.ShouldAllBe(r => r.Failed.Count > 0 && r.Failed.All(a => !a.Result));
        }, iter: Iterations, print: p => p.ToString());
    }

    [Fact]
    public void Plan_TotalCoversEveryRequirement_AndNothingStartsBeforeWhatItWaitsFor()
    {
        Profiles.Sample(profile =>
        {
            var answer = RealData.Evaluate(profile.Input);
            var plan = answer.Plan;
            var items = plan.Items.ToDictionary(i => i.Requirement, StringComparer.Ordinal);

            items.Keys.ShouldBe(answer.Requirements.Select(r => r.Id), ignoreOrder: true);
            foreach (var requirement in answer.Requirements)
            {
                plan.TotalMinDays.ShouldBeGreaterThanOrEqualTo(requirement.MinDays);
                plan.TotalMaxDays.ShouldBeGreaterThanOrEqualTo(requirement.MaxDays);
                var item = items[requirement.Id];
                (item.EndMinDay - item.StartMinDay, item.EndMaxDay - item.StartMaxDay).ShouldBe((requirement.MinDays, requirement.MaxDays));
                foreach (var after in item.After)
                {
                    items.ShouldContainKey(after);
                    item.StartMinDay.ShouldBeGreaterThanOrEqualTo(items[after].EndMinDay);
                    item.StartMaxDay.ShouldBeGreaterThanOrEqualTo(items[after].EndMaxDay);
                    item.Wave.ShouldBeGreaterThan(items[after].Wave);
                }
            }
        }, iter: Iterations, print: p => p.ToString());
    }

    [Fact]
    public void SameProfile_GivesTheSameAnswer_WithOrWithoutCachedParts()
    {
        Profiles.Sample(profile =>
        {
            var first = RealData.Evaluate(profile.Input);
            var again = RealData.Evaluate(profile.Input);
            var fresh = RealData.NewAdvisor().Evaluate(profile.Input, RealData.Today);

            again.Requirements.Select(r => r.Id).ShouldBe(first.Requirements.Select(r => r.Id));
            fresh.Requirements.Select(r => r.Id).ShouldBe(first.Requirements.Select(r => r.Id));
            fresh.RuledOut.Select(r => r.Id).ShouldBe(first.RuledOut.Select(r => r.Id));
            fresh.Upcoming.ShouldBe(first.Upcoming);
            (fresh.Plan.TotalMinDays, fresh.Plan.TotalMaxDays).ShouldBe((first.Plan.TotalMinDays, first.Plan.TotalMaxDays));
        }, iter: 100, print: p => p.ToString());
    }

    [Fact]
    public void UnverifiedData_IsAlwaysFlaggedOnItsRequirement()
    {
        Profiles.Sample(profile =>
        {
            foreach (var r in RealData.Evaluate(profile.Input).Requirements)
            {
                r.Verified.ShouldBe(r.Unverified.Count == 0, $"{r.Id}: Verified={r.Verified}, Unverified=[{string.Join("; ", r.Unverified)}]");
                foreach (var step in r.Steps.Where(s => !s.Verified))
                {
                    r.Unverified.ShouldContain($"step {r.Procedure}/{step.Id}");
                }

                foreach (var standard in r.Standards.Where(s => !s.Verified))
                {
                    r.Unverified.ShouldContain($"standard {standard.Edition ?? standard.Family}");
                }
            }
        }, iter: Iterations, print: p => p.ToString());
    }

    [Fact]
    public void Upcoming_LiesWithinTheLookAhead_InDateOrder()
    {
        Profiles.Sample(profile =>
        {
            var upcoming = RealData.Evaluate(profile.Input).Upcoming;

            upcoming.ShouldAllBe(u => u.Date > RealData.Today && u.Date <= RealData.Today.AddMonths(Advisor.LookAheadMonths));
            upcoming.Select(u => u.Date).ShouldBeInOrder(SortDirection.Ascending);
        }, iter: Iterations, print: p => p.ToString());
    }

    [Fact]
    public void Explain_AgreesWithEvaluate_AndItsAtomsShareTheOutcome()
    {
        var schema = TestSchema.Build();
        string[] conditions =
        [
            "markets has \"CN\" and (eep or radio has \"cellular\")",
            "eep or kids and voltage >= 50 and voltage <= 1000",
            "not (radio has any [\"wifi\", \"bt\"]) or power = \"battery\"",
            "(eep and not kids) or (radio has all [\"wifi\", \"nfc\"] and not power != \"mains\")",
            "not not (markets has any [\"SA\", \"AE\"] and voltage > 0)",
        ];
        var facts = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 15], Gen.Int[0, 3], Gen.Int[0, 1200], Gen.Bool, Gen.Bool);

        Gen.Select(facts, Gen.Int[0, conditions.Length - 1]).Sample((f, c) =>
        {
            var (markets, radio, power, voltage, eep, kids) = f;
            var given = schema.NewFacts();
            given.SetMask(schema.Find("markets")!, (ulong)markets);
            given.SetMask(schema.Find("radio")!, (ulong)radio);
            if (power > 0)
            {
                given.SetText(schema.Find("power")!, power - 1);
            }

            given.SetNumber(schema.Find("voltage")!, voltage);
            given.SetBool(schema.Find("eep")!, eep);
            given.SetBool(schema.Find("kids")!, kids);
            var condition = ConditionParser.Parse(conditions[c], schema);
            var decisive = new List<AtomOutcome>();

            var explained = condition.Explain(given, decisive);

            explained.ShouldBe(condition.Evaluate(given));
            decisive.ShouldNotBeEmpty();
            decisive.ShouldAllBe(a => a.Result == explained);
        }, iter: 1000);
    }

    private static HashSet<string> Needed(GeneratedProfile profile) =>
        [.. RealData.Evaluate(profile.Input).Requirements.Select(r => r.Id)];

    private static string[] Pick(string[] values, int mask) => [.. values.Where((_, i) => (mask & (1 << i)) != 0)];

    private static bool Allowed(string product, string flag) =>
        flag is not ("external_power_adapter" or "lithium_battery")
        || RealData.Knowledge.Products[product].Defaults["power"].Text != "none";

    private sealed record GeneratedProfile(string Product, string[] Radio, string[] Markets, Dictionary<string, bool> Flags)
    {
        public ProfileInput Input
        {
            get
            {
                var profile = Profile.Of(Product).In(Markets).WithSet("radio", Radio);
                foreach (var (flag, value) in Flags)
                {
                    profile.With(flag, value);
                }

                return profile;
            }
        }

        public override string ToString() =>
            $"{Product} radio=[{string.Join(",", Radio)}] markets=[{string.Join(",", Markets)}] "
            + string.Join(" ", Flags.Where(f => f.Value).Select(f => f.Key));
    }
}
