using System.Text.Json;
using Certa.Domain.Applications;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Notifications;

/// <summary>
/// What an event says about whom it concerns, read by field name from the event's details, then
/// from the state of its aggregate, then from the application it belongs to. Fields, not types: a
/// new aggregate whose state names <c>application</c>, <c>lab</c> or <c>auditors</c> is covered
/// without code here.
/// </summary>
internal sealed class EventFacts
{
    private readonly JsonElement details;
    private readonly JsonElement state;

    private EventFacts(CommittedEvent committed, JsonElement details, JsonElement state)
    {
        Event = committed;
        this.details = details;
        this.state = state;
    }

    public CommittedEvent Event { get; }

    /// <summary>The application the event is about, or belongs to (a test order's).</summary>
    public Application? Application { get; private set; }

    public static async Task<EventFacts> GatherAsync(CertaDbContext db, CommittedEvent committed, CancellationToken ct)
    {
        var facts = new EventFacts(committed, JsonSerializer.Deserialize<JsonElement>(committed.Event.Details),
            JsonSerializer.SerializeToElement(committed.Aggregate.AuditState()))
        {
            Application = committed.Aggregate as Application,
        };
        if (facts.Application is null && Guid.TryParse(facts.Text("application"), out var id))
        {
            facts.Application = db.Applications.Local.FirstOrDefault(x => x.Id == id)
                ?? await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        }

        return facts;
    }

    /// <summary>The id of the organisation that is <paramref name="party"/> to the event.</summary>
    public string? Organisation(NotifiedParty party) => party switch
    {
        NotifiedParty.Applicant => Text("applicant") ?? Application?.ApplicantId,
        NotifiedParty.Body => Text("body") ?? Application?.BodyId,
        NotifiedParty.Lab => Text("lab"),
    };

    /// <summary>The person ids the event names in <paramref name="field"/>: one id or a list of them.</summary>
    public IReadOnlyList<Guid> People(string field)
    {
        var value = Field(details, field) ?? Field(state, field);
        IEnumerable<JsonElement> items = value switch
        {
            { ValueKind: JsonValueKind.Array } list => list.EnumerateArray(),
            { } one => [one],
            null => [],
        };
        // An item is an id, or a record holding one (a factory audit's team: { personId, registrationNumber }).
        return [.. items.Select(i => i.ValueKind == JsonValueKind.Object ? Scalar(Field(i, "personId") ?? Field(i, "id")) : Scalar(i))
            .Select(t => Guid.TryParse(t, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct()];
    }

    /// <summary>A scalar field of the details, else of the state, as text.</summary>
    public string? Text(string field) => Scalar(Field(details, field)) ?? Scalar(Field(state, field));

    private static JsonElement? Field(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // Details are named as their records declare them (camelCase or PascalCase).
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }

        return null;
    }

    private static string? Scalar(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };
}
