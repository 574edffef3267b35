using Certa.Domain.Common;
using Certa.Domain.Registry;
using Certa.Requirements.Conditions;

namespace Certa.Requirements.Model;

/// <summary>A feature a profile may state (data/requirements/features.yaml).</summary>
public sealed record FeatureDefinition(string Id, FactType Type, IReadOnlyList<string> Values, string? Unit,
    LocalizedText Name, LocalizedText Help, Provenance Provenance);

/// <summary>
/// A kind of product the advisor knows (data/requirements/products.yaml): how to find it, which
/// catalogue entries list it, and the features of a typical one.
/// </summary>
public sealed record ProductKind(string Id, LocalizedText Name, IReadOnlyList<string> KeywordsEn, IReadOnlyList<string> KeywordsZh,
    IReadOnlyList<string> HsCodes, IReadOnlyList<string> Entries, IReadOnlyDictionary<string, FeatureValue> Defaults,
    Provenance Provenance);

/// <summary>A document an applicant prepares (data/requirements/documents.yaml).</summary>
public sealed record DocumentDefinition(string Id, LocalizedText Name, LocalizedText Help, Provenance Provenance);

public enum StepOwner
{
    Applicant,
    CertificationBody,
    Laboratory,
    Authority,
}

/// <summary>A step of a procedure with its typical duration in calendar days.</summary>
public sealed record ProcedureStep(string Id, LocalizedText Name, StepOwner Owner, int MinDays, int MaxDays,
    IReadOnlyList<string> After, Provenance Provenance);

/// <summary>How a scheme is obtained, step by step (data/requirements/procedures.yaml).</summary>
public sealed record Procedure(string Id, string SchemeId, IReadOnlyList<ProcedureStep> Steps, LocalizedText Validity,
    LocalizedText Surveillance, Provenance Provenance)
{
    /// <summary>Shortest and longest time from the first step to the last, following step dependencies.</summary>
    public (int Min, int Max) Duration
    {
        get
        {
            var finish = new Dictionary<string, (int Min, int Max)>(StringComparer.Ordinal);
            foreach (var step in Steps)
            {
                var start = step.After.Count == 0
                    ? (Min: 0, Max: 0)
                    : (Min: step.After.Max(a => finish[a].Min), Max: step.After.Max(a => finish[a].Max));
                finish[step.Id] = (start.Min + step.MinDays, start.Max + step.MaxDays);
            }

            return finish.Count == 0 ? (0, 0) : (finish.Values.Max(f => f.Min), finish.Values.Max(f => f.Max));
        }
    }
}

/// <summary>When a scheme applies to a profile, and what the applicant then has to do (data/requirements/rules.yaml).</summary>
/// <remarks><see cref="Mode"/> null means "as the catalogue entry says" (<c>mode: catalogue</c> in the data).</remarks>
public sealed record RequirementRule(
    string Id,
    string SchemeId,
    Condition When,
    SchemeMode? Mode,
    string? ProductType,
    LocalizedText Why,
    LocalizedText NotNeeded,
    IReadOnlyList<string> Documents,
    string ProcedureId,
    string? SelfDeclaredProcedureId,
    IReadOnlyList<string> After,
    Provenance Provenance)
{
    /// <summary>Documents for a self-declared catalogue entry (SDoC-A/B), where they differ; else <see cref="Documents"/>.</summary>
    public IReadOnlyList<string> SelfDeclaredDocuments { get; init; } = [];

    /// <summary>Standard families the requirement brings whatever the catalogue entry (China RoHS marking: SJ/T 11364).</summary>
    public IReadOnlyList<string> Standards { get; init; } = [];

    /// <summary>The rule's own source, as a list for answers (shared, not rebuilt per answer).</summary>
    public IReadOnlyList<string> Sources { get; } = [Provenance.Source];
}

/// <summary>A combination of features that cannot be true of one product, and the field to blame.</summary>
public sealed record Contradiction(Condition When, string Field, LocalizedText Message, Provenance Provenance);
