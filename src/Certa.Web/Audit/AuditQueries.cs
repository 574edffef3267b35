using System.Text.Json;
using Certa.Domain.Access;
using Certa.Domain.Audit;
using Certa.Infrastructure.Persistence;
using Certa.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Audit;

/// <summary>What to look for in the trail. Every field is optional; all given ones must match.</summary>
public sealed record AuditFilter(string? Organisation, string? EntityType, string? EntityId, string? Actor, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>Reads the filter from query text, collecting every error with its field.</summary>
    public static AuditFilter Parse(string? organisation, string? entityType, string? entityId, string? actor, string? from, string? to, QueryErrors errors) =>
        new(errors.Text("organisation", organisation, 63), errors.Text("entityType", entityType, 100), errors.Text("entityId", entityId, 200),
            errors.Text("actor", actor, 200), Time(errors, "from", from, endOfDay: false), Time(errors, "to", to, endOfDay: true));

    /// <summary>A date (<c>2026-11-27</c>, the whole day) or an ISO 8601 instant.</summary>
    private static DateTimeOffset? Time(QueryErrors errors, string field, string? text, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddTicks(-10) : start;
        }

        if (DateTimeOffset.TryParse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUniversalTime();
        }

        errors.Add(field, $"'{text}' is not a date (2026-11-27) or an ISO 8601 time (2026-11-27T08:00:00Z).");
        return null;
    }
}

public sealed record AuditEventDto(long Sequence, DateTimeOffset OccurredAt, string Actor, string? Organisation, string Action,
    string EntityType, string EntityId, string StateDigest, string CorrelationId, JsonElement Details, string PreviousHash, string Hash)
{
    public static AuditEventDto From(AuditEvent e) => new(e.Sequence, e.OccurredAt, e.Actor, e.Organisation, e.Action, e.EntityType,
        e.EntityId, e.StateDigest, e.CorrelationId, JsonDocument.Parse(e.Details).RootElement.Clone(), e.PreviousHash, e.Hash);
}

/// <summary>The audit trail as an actor may see it: an actor with own reach sees only its organisation's events.</summary>
public sealed class AuditQueries(CertaDbContext db)
{
    public async Task<Paged<AuditEventDto>> PageAsync(Actor actor, AuditFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = Visible(actor, filter);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Sequence).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<AuditEventDto>([.. items.Select(AuditEventDto.From)], total, page.Page, page.PageSize);
    }

    /// <summary>Every matching event, oldest first, streamed in pages for the CSV export.</summary>
    public async IAsyncEnumerable<AuditEvent> AllAsync(Actor actor, AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        const int batch = 1000;
        for (long after = 0; ;)
        {
            var events = await Visible(actor, filter).Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(batch).ToListAsync(ct);
            foreach (var e in events)
            {
                yield return e;
            }

            if (events.Count < batch)
            {
                yield break;
            }

            after = events[^1].Sequence;
        }
    }

    private IQueryable<AuditEvent> Visible(Actor actor, AuditFilter filter)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (actor.ReachOf(Permission.AuditRead) != Reach.Any)
        {
            query = query.Where(e => e.Organisation == actor.OrganisationId);
        }

        if (filter.Organisation is { } organisation)
        {
            query = query.Where(e => e.Organisation == organisation);
        }

        if (filter.EntityType is { } type)
        {
            query = query.Where(e => e.EntityType == type);
        }

        if (filter.EntityId is { } id)
        {
            query = query.Where(e => e.EntityId == id);
        }

        if (filter.Actor is { } who)
        {
            query = query.Where(e => e.Actor == who);
        }

        if (filter.From is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(e => e.OccurredAt <= to);
        }

        return query;
    }
}
