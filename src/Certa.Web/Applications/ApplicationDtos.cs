using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Web.Applications;

public sealed record PartyRequest(string? NameEn, string? NameZh, string? AddressEn, string? AddressZh)
{
    public Party ToParty(string field) => Party.Of(new LocalizedText(NameEn ?? string.Empty, NameZh), new LocalizedText(AddressEn ?? string.Empty, AddressZh), field);
}

public sealed record SeriesModelRequest(string? Model, string? Differences);

public sealed record ProductRequest(string? NameEn, string? NameZh, string? MainModel, IReadOnlyList<SeriesModelRequest>? SeriesModels, string? TradeMark)
{
    public ProductDetails ToDetails() => ProductDetails.Of(new LocalizedText(NameEn ?? string.Empty, NameZh), MainModel ?? string.Empty,
        SeriesModels?.Select(s => new SeriesModel(s.Model ?? string.Empty, s.Differences ?? string.Empty)), TradeMark);
}

/// <summary>A new application: which body, scheme and product type, the product, its manufacturer and factory; optionally a valid certificate of the same product to build on.</summary>
public sealed record NewApplicationRequest(string? Body, string? Scheme, string? ProductType, ProductRequest? Product,
    PartyRequest? Manufacturer, PartyRequest? Factory, string? ReuseCertificate = null);

public sealed record ReasonRequest(string? Reason);

public sealed record ApplicationDto(
    Guid Id, string Applicant, string Body, string Scheme, string ProductType, ProductDetails Product, Party Manufacturer, Party Factory,
    string State, IReadOnlyList<string> RequiredDocuments, IReadOnlyList<AttachedDocument> Documents, IReadOnlyList<string> MissingDocuments,
    IReadOnlyList<string> PossibleNext, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset StateChangedAt, int Version)
{
    /// <summary>The clock: each step's expected end, overdue flags and the estimated completion (on a single application's answer).</summary>
    public ApplicationTimeline? Timeline { get; init; }

    /// <summary>People who tested or audited the application; none of them may review or decide it.</summary>
    public IReadOnlyList<Guid> Evaluators { get; init; } = [];

    public Guid? Reviewer { get; init; }

    /// <summary>The certificate the application builds on and what it covers (testing, the factory audit).</summary>
    public CertificateReuse? Reuse { get; init; }

    public ReviewConclusion? Review { get; init; }

    public Guid? Decider { get; init; }

    /// <summary>For the body, on a single application's answer: the applicant's low credit level and what to do (ADR 017); null when nothing is flagged.</summary>
    public Supervision.Credit.CreditFlagDto? CreditFlag { get; init; }

    public static ApplicationDto From(Application a) => new(a.Id, a.ApplicantId, a.BodyId, a.SchemeId, a.ProductTypeId, a.Product,
        a.Manufacturer, a.Factory, ApplicationWorkflow.Name(a.State), a.RequiredDocuments, a.Documents, a.MissingDocuments(),
        [.. ApplicationWorkflow.Possible(a.State).Select(ApplicationWorkflow.Name)], a.Reason, a.CreatedAt, a.StateChangedAt, a.Version)
    {
        Evaluators = a.Evaluators,
        Reviewer = a.ReviewerId,
        Reuse = a.Reuse,
        Review = a.Review,
        Decider = a.DeciderId,
    };
}
