using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Applications;

/// <summary>
/// The application page's review and decision (<c>_Decision.cshtml</c>): the body's handler assigns a
/// reviewer among the body's reviewers, the reviewer records a recommendation, and a decision maker
/// grants or refuses with the review before them; after a grant, the certificate. Each runs one of
/// <see cref="DecisionCommands"/>; the domain refuses an evaluator as reviewer or decider.
/// </summary>
public sealed partial class DetailModel
{
    public const string RecommendGrant = "grant";
    public const string RecommendRefuse = "refuse";

    /// <summary>The reviewer chosen on the assign form (a person id).</summary>
    [BindProperty]
    public Guid? AssignedReviewer { get; set; }

    /// <summary><see cref="RecommendGrant"/> or <see cref="RecommendRefuse"/>.</summary>
    [BindProperty]
    public string? Recommendation { get; set; }

    [BindProperty]
    public string? ReviewNotes { get; set; }

    /// <summary>The review and decision section, once the application is in review; null before.</summary>
    public DecisionSection? Decision { get; private set; }

    public Task<IActionResult> OnPostAssignReviewerAsync([FromServices] DecisionCommands decisions, [FromServices] UiText words, CancellationToken ct) =>
        RunAsync("assign-reviewer", "reviewer_assigned", () => decisions.AssignReviewerAsync(HttpContext.Command(), Id,
            AssignedReviewer ?? throw DomainException.Invalid("reviewer-required", words["review.assign.required"], "reviewer"), ct), ct);

    public Task<IActionResult> OnPostReviewAsync([FromServices] DecisionCommands decisions, [FromServices] UiText words, CancellationToken ct) =>
        RunAsync("review", "reviewed", () => decisions.ReviewAsync(HttpContext.Command(), Id, Recommendation switch
        {
            RecommendGrant => true,
            RecommendRefuse => false,
            _ => throw DomainException.Invalid("recommendation-required", words["review.recommendation.required"], "recommendation"),
        }, ReviewNotes ?? string.Empty, ct), ct);

    public Task<IActionResult> OnPostGrantAsync([FromServices] DecisionCommands decisions, CancellationToken ct) =>
        RunAsync("grant", "granted", () => decisions.DecideAsync(HttpContext.Command(), Id, grant: true, null, ct), ct);

    public Task<IActionResult> OnPostRefuseDecisionAsync([FromServices] DecisionCommands decisions, CancellationToken ct) =>
        RunAsync("refuse-decision", "decision_refused", () => decisions.DecideAsync(HttpContext.Command(), Id, grant: false, Reason ?? string.Empty, ct), ct);

    public string? ReviewNotesFor() => FailedForm == "review" ? ReviewNotes : null;

    private async Task<DecisionSection?> DecisionAsync(CertaDbContext db, CancellationToken ct)
    {
        var a = Application;
        if (a.State is not (ApplicationState.Review or ApplicationState.Granted or ApplicationState.Refused) || (a.State == ApplicationState.Refused && a.ReviewerId is null))
        {
            return null;
        }

        // The review is the body's working paper: its people and the authority read it; the applicant sees the outcome.
        var readsReview = Me.OrganisationId == a.BodyId || Me.ReachOf(Permission.ApplicationsRead) == Reach.Any;
        var inReview = a.State == ApplicationState.Review;
        var mayAssign = inReview && a.Review is null && Me.May(Permission.ApplicationsAccept, a.BodyId);
        var people = readsReview
            ? await db.People.AsNoTracking().Where(p => p.OrganisationId == a.BodyId && p.Status == PersonStatus.Active).ToListAsync(ct)
            : [];
        var names = people.ToDictionary(p => p.Id, p => p.DisplayName);
        IReadOnlyList<ReviewerChoice> reviewers = mayAssign
            ? [.. people.Where(p => p.Roles.Contains(Role.Reviewer)).OrderBy(p => p.DisplayName, StringComparer.Ordinal)
                .Select(p => new ReviewerChoice(p.Id, p.DisplayName, a.Evaluators.Contains(p.Id)))]
            : [];
        IReadOnlyList<Certificate> certificates = a.State == ApplicationState.Granted && Me.ReachOf(Permission.CertificatesRead) != Reach.None
            ? await HttpContext.RequestServices.GetRequiredService<CertificateQueries>().ListAsync(Me, a.Id, ct)
            : [];
        if (!readsReview && certificates.Count == 0)
        {
            return null;
        }

        return new DecisionSection(readsReview,
            a.ReviewerId is { } reviewer ? names.GetValueOrDefault(reviewer) ?? reviewer.ToString() : null,
            a.DeciderId is { } decider ? names.GetValueOrDefault(decider) ?? decider.ToString() : null,
            reviewers, mayAssign,
            inReview && a.Review is null && a.ReviewerId == Me.PersonId && Me.May(Permission.ApplicationsReview, a.BodyId),
            inReview && Me.May(Permission.ApplicationsDecide, a.BodyId),
            certificates.Count > 0 ? certificates[0] : null);
    }
}

/// <summary>A reviewer of the body as the assign form offers them; one who tested or audited the application is marked (and refused).</summary>
public sealed record ReviewerChoice(Guid PersonId, string Name, bool Evaluated);

/// <summary>What the review and decision section shows and offers.</summary>
public sealed record DecisionSection(bool ShowsReview, string? ReviewerName, string? DeciderName, IReadOnlyList<ReviewerChoice> Reviewers,
    bool MayAssign, bool MayReview, bool MayDecide, Certificate? Certificate);
