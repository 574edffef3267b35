using System.Collections.Concurrent;
using Certa.Domain.Common;
using Certa.Domain.Registry;
using Certa.Requirements.Conditions;
using Certa.Requirements.Model;
using Certa.Requirements.Profiles;

namespace Certa.Requirements.Evaluation;

/// <summary>
/// Evaluates profiles against the rules. The parts of an answer that depend only on the rule, the
/// catalogue entry and the date (standards, bodies, documents, steps) are built once and shared,
/// so that a profile costs little more than its conditions.
/// </summary>
public sealed class Advisor
{
    /// <summary>How far ahead <see cref="Answer.Upcoming"/> looks.</summary>
    public const int LookAheadMonths = 24;

    private readonly ConcurrentDictionary<(string Rule, string? ProductType, DateOnly Date), RequirementAnswer> templates = new();
    private readonly ConcurrentDictionary<(string Rule, string? ProductType, DateOnly Date), IReadOnlyList<UpcomingChange>> upcoming = new();
    private readonly ConcurrentDictionary<(string Id, string Value, bool Given), FeatureSetting> settings = new();
    private readonly ProfileResolver resolver;

    public Advisor(AdvisorKnowledge knowledge)
    {
        Knowledge = knowledge;
        resolver = new ProfileResolver(knowledge);
    }

    public AdvisorKnowledge Knowledge { get; }

    /// <exception cref="ProfileException">The profile is invalid; nothing was evaluated.</exception>
    public Answer Evaluate(ProfileInput input, DateOnly today) => Evaluate(resolver.Resolve(input, today));

    public ResolvedProfile Resolve(ProfileInput input, DateOnly today) => resolver.Resolve(input, today);

    public Answer Evaluate(ResolvedProfile profile)
    {
        var needed = new List<RequirementAnswer>();
        var ruledOut = new List<RuledOutAnswer>();
        foreach (var rule in Knowledge.Definitions.Rules)
        {
            var atoms = new List<AtomOutcome>(4);
            var scheme = Knowledge.Schemes[rule.SchemeId];
            if (rule.When.Explain(profile.Facts, atoms))
            {
                var productType = EntryFor(rule, profile.Product);
                var template = templates.GetOrAdd((rule.Id, productType?.Id, profile.Date), key => Build(rule, productType, key.Date));
                needed.Add(template with { Matched = atoms });
            }
            else
            {
                ruledOut.Add(new RuledOutAnswer(rule.Id, scheme.Id, scheme.Code, scheme.Name, scheme.Obligation, rule.NotNeeded, atoms,
                    rule.Sources));
            }
        }

        return new Answer(Summary(profile), needed, ruledOut, PlanBuilder.Build(needed, Knowledge), Coming(needed, profile.Date), Knowledge.Fingerprint);
    }

    /// <summary>The look-ahead of every requirement, once each, by date; most answers have none or one.</summary>
    private List<UpcomingChange> Coming(List<RequirementAnswer> needed, DateOnly date)
    {
        var coming = new List<UpcomingChange>();
        foreach (var r in needed)
        {
            foreach (var change in upcoming.GetOrAdd((r.Id, r.ProductType, date), key => Upcoming(r, key.Date)))
            {
                if (!coming.Exists(c => c.Date == change.Date && c.Kind == change.Kind && c.What.En == change.What.En))
                {
                    coming.Add(change);
                }
            }
        }

        if (coming.Count > 1)
        {
            coming.Sort((a, b) => a.Date.CompareTo(b.Date));
        }

        return coming;
    }

    /// <summary>The catalogue entry a requirement is about: the rule's own, else the product's entry in that scheme.</summary>
    private ProductType? EntryFor(RequirementRule rule, ProductKind product)
    {
        if (rule.ProductType is not null)
        {
            return Knowledge.ProductTypes[rule.ProductType];
        }

        foreach (var entry in product.Entries)
        {
            if (Knowledge.ProductTypes.TryGetValue(entry, out var type) && type.SchemeId == rule.SchemeId)
            {
                return type;
            }
        }

        return null;
    }

    private RequirementAnswer Build(RequirementRule rule, ProductType? productType, DateOnly date)
    {
        var scheme = Knowledge.Schemes[rule.SchemeId];
        var authority = Knowledge.Authorities[scheme.AuthorityId];
        var selfDeclared = productType?.IsSelfDeclared == true;
        var procedure = Knowledge.Procedures[selfDeclared && rule.SelfDeclaredProcedureId is not null ? rule.SelfDeclaredProcedureId : rule.ProcedureId];
        var implementationRule = productType?.RuleId is { } ruleId ? Knowledge.ImplementationRules.GetValueOrDefault(ruleId) : null;
        var unverified = new List<string>();
        Note(rule.Provenance, $"rule {rule.Id}");
        Note(scheme.Provenance, $"scheme {scheme.Code}");
        if (productType is not null)
        {
            Note(productType.Provenance, $"catalogue entry {productType.Id}");
        }

        if (implementationRule is not null)
        {
            Note(implementationRule.Provenance, $"implementation rule {implementationRule.Id}");
        }

        Note(procedure.Provenance, $"procedure {procedure.Id}");
        foreach (var step in procedure.Steps)
        {
            Note(step.Provenance, $"step {procedure.Id}/{step.Id}");
        }

        var standards = (productType?.StandardFamilies ?? []).Concat(rule.Standards).Distinct(StringComparer.Ordinal)
            .Select(f => Standard(f, date)).ToList();
        var documents = selfDeclared && rule.SelfDeclaredDocuments.Count > 0 ? rule.SelfDeclaredDocuments : rule.Documents;
        foreach (var s in standards.Where(s => !s.Verified))
        {
            unverified.Add($"standard {s.Edition ?? s.Family}");
        }

        var designated = Knowledge.Registry.Bodies
            .Where(b => productType is not null ? b.IsDesignatedFor(productType, date) : b.ParsedDesignations.Any(d => d.SchemeId == scheme.Id && d.Scope == DesignationScope.Scheme && d.InForceOn(date)))
            .OrderBy(b => b.Abbr, StringComparer.Ordinal).ToList();
        var (minDays, maxDays) = procedure.Duration;
        var sources = new[] { rule.Provenance.Source, scheme.Provenance.Source, productType?.Provenance.Source, procedure.Provenance.Source }
            .OfType<string>().Distinct().ToList();
        return new RequirementAnswer(
            rule.Id, scheme.Id, scheme.Code, scheme.Name, authority.Id, authority.Name, scheme.Obligation, scheme.Impact,
            ModeOf(rule, productType, scheme), productType?.Id, productType?.Name, implementationRule?.Id, implementationRule?.Title,
            standards,
            [.. designated.Where(b => b.Kind == BodyKind.CertificationBody).Select(Reference)],
            [.. designated.Where(b => b.Kind == BodyKind.Laboratory).Select(Reference)],
            [.. documents.Select(d => Knowledge.Documents[d]).Select(d => new DocumentReference(d.Id, d.Name, d.Help, d.Provenance.Verified))],
            procedure.Id,
            [.. procedure.Steps.Select(s => new StepReference(s.Id, s.Name, s.Owner, s.MinDays, s.MaxDays, s.After, s.Provenance.Verified))],
            minDays, maxDays,
            procedure.Validity.IsEmpty ? scheme.Validity : procedure.Validity,
            procedure.Surveillance.IsEmpty ? scheme.Surveillance : procedure.Surveillance,
            rule.Why, [], sources, unverified.Count == 0, unverified);

        void Note(Provenance p, string what)
        {
            if (!p.Verified)
            {
                unverified.Add(what);
            }
        }
    }

    private StandardReference Standard(string family, DateOnly date)
    {
        var (edition, next) = Knowledge.Timeline.AppliesAndNext(family, date);
        return new StandardReference(family, edition?.Number, edition?.Title, edition?.InForce, next?.Number, next?.EffectiveFrom,
            edition?.Provenance.Verified ?? false);
    }

    /// <summary>The rule's mode; else the catalogue entry's; else the scheme's own.</summary>
    private static SchemeMode ModeOf(RequirementRule rule, ProductType? productType, Scheme scheme) =>
        rule.Mode ?? productType?.Mode switch
        {
            ProductMode.ThirdParty => SchemeMode.Certification,
            ProductMode.SdocA or ProductMode.SdocB or ProductMode.SelfDeclaration => SchemeMode.SelfDeclaration,
            ProductMode.TypeExamination => SchemeMode.TypeApproval,
            null => scheme.Mode,
        };

    private List<UpcomingChange> Upcoming(RequirementAnswer requirement, DateOnly date)
    {
        var until = date.AddMonths(LookAheadMonths);
        var changes = new List<UpcomingChange>();
        foreach (var s in requirement.Standards)
        {
            if (s.NextEdition is { } next && s.NextInForce is { } from && from > date && from <= until)
            {
                var verified = Knowledge.Timeline.Find(next)?.Provenance.Verified ?? false;
                changes.Add(new UpcomingChange(from, UpcomingKind.StandardEdition, requirement.Scheme,
                    new LocalizedText($"{next} replaces {s.Edition ?? s.Family} for {requirement.SchemeCode}",
                        $"{next} 代替 {s.Edition ?? s.Family}（{requirement.SchemeCode}）"),
                    new LocalizedText($"Test against {next} and update certificates, labels and documents before {from:yyyy-MM-dd}.",
                        $"请在 {from:yyyy-MM-dd} 前按 {next} 完成检测，并更新证书、标识和文件。"),
                    verified));
            }
        }

        foreach (var change in Knowledge.Registry.Changes.Where(c => c.SchemeId == requirement.Scheme && c.Date > date && c.Date <= until))
        {
            changes.Add(new UpcomingChange(change.Date, UpcomingKind.CatalogueChange, requirement.Scheme,
                new LocalizedText($"{change.Instrument}: {change.Effect.En}", change.Effect.Zh is null ? null : $"{change.Instrument}：{change.Effect.Zh}"),
                new LocalizedText("Check whether the change affects this product and plan for it.", "请确认该变化是否影响本产品并提前安排。"),
                change.Provenance.Verified));
        }

        foreach (var rule in Knowledge.Registry.Rules.Where(r => r.SchemeId == requirement.Scheme && r.InForce is { } f && f > date && f <= until
            && (requirement.ImplementationRule is null || r.Replaces.Contains(requirement.ImplementationRule))))
        {
            changes.Add(new UpcomingChange(rule.InForce!.Value, UpcomingKind.ImplementationRule, requirement.Scheme,
                new LocalizedText($"{rule.Id} comes into force: {rule.Title.En}", rule.Title.Zh is null ? null : $"{rule.Id} 实施：{rule.Title.Zh}"),
                new LocalizedText($"Follow {rule.Id} for applications and certificate changes from {rule.InForce:yyyy-MM-dd}.",
                    $"自 {rule.InForce:yyyy-MM-dd} 起，申请和证书变更须按 {rule.Id} 办理。"),
                rule.Provenance.Verified));
        }

        return changes;
    }

    private ProfileSummary Summary(ResolvedProfile profile)
    {
        var features = new List<FeatureSetting>(Knowledge.Definitions.Features.Count);
        foreach (var f in Knowledge.Definitions.Features)
        {
            var value = profile.Features.TryGetValue(f.Id, out var v) ? v.ToString() : "—";
            // Profiles repeat the same few settings: share one record per feature, value and origin.
            features.Add(settings.GetOrAdd((f.Id, value, profile.GivenFeatures.Contains(f.Id)), key => new FeatureSetting(key.Id, f.Name, key.Value, key.Given)));
        }

        return new ProfileSummary(profile.Product.Id, profile.Product.Name, profile.MatchedBy, profile.Markets, profile.Date, features, profile.Reference);
    }

    private static BodyReference Reference(RegistryBody b) => new(b.Id, b.Abbr, b.Name, b.ForeignInvested, b.Provenance.Verified);
}
