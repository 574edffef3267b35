using Certa.Domain.Access;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Notifications;

/// <summary><c>/api/v1/notifications</c>: the signed-in person's own notifications; nobody sees another's.</summary>
public static class NotificationEndpoints
{
    public static void MapNotificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/notifications").WithTags("Notifications").AddEndpointFilter<DomainProblems>();
        api.MapGet("/", List).WithName("ListNotifications").Requires(Permission.NotificationsRead);
        api.MapPost("/{notificationId:guid}/read", MarkRead).WithName("MarkNotificationRead").Requires(Permission.NotificationsRead);
        api.MapPost("/read-all", MarkAllRead).WithName("MarkAllNotificationsRead").Requires(Permission.NotificationsRead);
    }

    [EndpointSummary("List my notifications")]
    [EndpointDescription("Newest first; ?unread=true for the unread ones only.")]
    public static async Task<Results<Ok<Paged<NotificationDto>>, ValidationProblem>> List(HttpContext http, CertaDbContext db,
        bool? unread, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var query = db.Notifications.AsNoTracking().OwnedBy(NotificationQueries.Recipient(http.RequiredActor()), unread == true);
        var total = await query.CountAsync(ct);
        var items = await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new Paged<NotificationDto>([.. items.Select(NotificationDto.From)], total, paging.Page, paging.PageSize));
    }

    [EndpointSummary("Mark a notification read")]
    public static async Task<Ok<NotificationDto>> MarkRead(HttpContext http, Guid notificationId, CertaDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(NotificationDto.From(
            await NotificationQueries.MarkReadAsync(db, NotificationQueries.Recipient(http.RequiredActor()), notificationId, clock.GetUtcNow(), ct)));

    [EndpointSummary("Mark all my notifications read")]
    public static async Task<Ok<MarkedDto>> MarkAllRead(HttpContext http, CertaDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(new MarkedDto(await NotificationQueries.MarkAllReadAsync(db, NotificationQueries.Recipient(http.RequiredActor()), clock.GetUtcNow(), ct)));
}
