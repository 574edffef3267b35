using Certa.Domain.Notifications;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Notifications;

/// <summary>
/// <c>/notifications</c>: the signed-in person's latest notifications in the reader's language,
/// unread first marked, each with its link and a form to mark it read; one to mark all read.
/// </summary>
public sealed class IndexModel(CertaDbContext db, TimeProvider clock) : PageModel
{
    private const int Shown = 100;

    /// <summary>Only the unread ones.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    [BindProperty]
    public Guid Id { get; set; }

    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public int UnreadCount { get; private set; }

    public bool IsPerson { get; private set; }

    public static string Language => UiText.CurrentLanguage;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (HttpContext.RequiredActor().PersonId is not { } person)
        {
            return;
        }

        IsPerson = true;
        Items = await db.Notifications.AsNoTracking().OwnedBy(person, Unread).Take(Shown).ToListAsync(ct);
        UnreadCount = await NotificationQueries.UnreadCountAsync(db, person, ct);
    }

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        var person = NotificationQueries.Recipient(HttpContext.RequiredActor());
        try
        {
            await NotificationQueries.MarkReadAsync(db, person, Id, clock.GetUtcNow(), ct);
        }
        catch (Domain.Common.DomainException)
        {
            return NotFound();
        }

        return RedirectToPage(new { unread = Unread ? "true" : null });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await NotificationQueries.MarkAllReadAsync(db, NotificationQueries.Recipient(HttpContext.RequiredActor()), clock.GetUtcNow(), ct);
        return RedirectToPage(new { unread = Unread ? "true" : null });
    }
}
