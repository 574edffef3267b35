using Certa.Domain.Common;
using Certa.Domain.Registry;
using Certa.Requirements.Conditions;
using Certa.Requirements.Model;
using Certa.Requirements.Profiles;

namespace Certa.Requirements.Evaluation;

/// <summary>The advisor's answer for one profile: what is needed and why, what is not and why, the plan, what is coming.</summary>
public sealed record Answer(
    ProfileSummary Profile,
    IReadOnlyList<RequirementAnswer> Requirements,
    IReadOnlyList<RuledOutAnswer> RuledOut,
    PlanAnswer Plan,
    IReadOnlyList<UpcomingChange> Upcoming,
    string DataFingerprint);

/// <summary>The profile as evaluated: the product found and every feature, given or defaulted.</summary>
public sealed record ProfileSummary(string Product, LocalizedText ProductName, ProductMatch MatchedBy, IReadOnlyList<string> Markets,
    DateOnly Date, IReadOnlyList<FeatureSetting> Features, string? Reference);

public sealed record FeatureSetting(string Id, LocalizedText Name, string Value, bool Given);

public sealed record BodyReference(string Id, string Abbr, LocalizedText Name, bool ForeignInvested, bool Verified);

public sealed record DocumentReference(string Id, LocalizedText Name, LocalizedText Help, bool Verified);

public sealed record StepReference(string Id, LocalizedText Name, StepOwner Owner, int MinDays, int MaxDays, IReadOnlyList<string> After, bool Verified);

public sealed record StandardReference(string Family, string? Edition, LocalizedText? Title, DateOnly? InForce, string? NextEdition,
    DateOnly? NextInForce, bool Verified);

/// <summary>One certification the product needs.</summary>
public sealed record RequirementAnswer(
    string Id,
    string Scheme,
    string SchemeCode,
    LocalizedText SchemeName,
    string Authority,
    LocalizedText AuthorityName,
    Obligation Obligation,
    Impact? Impact,
    SchemeMode Mode,
    string? ProductType,
    LocalizedText? ProductTypeName,
    string? ImplementationRule,
    LocalizedText? ImplementationRuleTitle,
    IReadOnlyList<StandardReference> Standards,
    IReadOnlyList<BodyReference> Bodies,
    IReadOnlyList<BodyReference> Labs,
    IReadOnlyList<DocumentReference> Documents,
    string Procedure,
    IReadOnlyList<StepReference> Steps,
    int MinDays,
    int MaxDays,
    LocalizedText Validity,
    LocalizedText Surveillance,
    LocalizedText Why,
    IReadOnlyList<AtomOutcome> Matched,
    IReadOnlyList<string> Sources,
    bool Verified,
    IReadOnlyList<string> Unverified);

/// <summary>A scheme that was considered and is not needed, with the test that ruled it out.</summary>
public sealed record RuledOutAnswer(string Id, string Scheme, string SchemeCode, LocalizedText SchemeName, Obligation Obligation,
    LocalizedText Reason, IReadOnlyList<AtomOutcome> Failed, IReadOnlyList<string> Sources);

/// <summary>When each procedure can start and end, in days from the start, and the total.</summary>
public sealed record PlanAnswer(IReadOnlyList<PlanItem> Items, int TotalMinDays, int TotalMaxDays);

public sealed record PlanItem(string Requirement, string SchemeCode, int Wave, IReadOnlyList<string> After, int StartMinDay,
    int StartMaxDay, int EndMinDay, int EndMaxDay);

public enum UpcomingKind
{
    StandardEdition,
    CatalogueChange,
    ImplementationRule,
}

/// <summary>Something that changes within the look-ahead window and what the manufacturer must do by then.</summary>
public sealed record UpcomingChange(DateOnly Date, UpcomingKind Kind, string Scheme, LocalizedText What, LocalizedText Action, bool Verified);
