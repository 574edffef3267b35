using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Certa.Domain.Audit;
using Certa.Domain.Common;
using CsCheck;

namespace Certa.Domain.Tests.Audit;

/// <summary>The hand-written canonical form of an event is exactly RFC 8785 of its fields, so chains written before stay valid.</summary>
public sealed class AuditHashFormTests
{
    private static string Reference(AuditEvent e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(new
    {
        sequence = e.Sequence,
        occurredAt = e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        actor = e.Actor,
        organisation = e.Organisation,
        action = e.Action,
        entityType = e.EntityType,
        entityId = e.EntityId,
        stateDigest = e.StateDigest,
        correlationId = e.CorrelationId,
        details = JsonDocument.Parse(e.Details).RootElement,
        previousHash = e.PreviousHash,
    }))));

    [Fact]
    public void ComputeHash_EqualsTheGeneralCanonicalForm_ForAnyText()
    {
        var text = Gen.String[Gen.Char, 1, 30].Where(s => !string.IsNullOrWhiteSpace(s));
        Gen.Select(text, text, Gen.String, Gen.Bool, Gen.Long[0, 1L << 40]).Sample((actor, id, note, hasOrganisation, ticks) =>
        {
            var entry = new AuditEntry(actor, hasOrganisation ? "org-\"é\u0001" : null, "x.y", "thing", id, new { note }, "corr", new { note, n = 1.5, list = new[] { 3, 1 } });
            var previous = AuditEvent.Next(null, entry, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(ticks));
            var e = AuditEvent.Next(previous, entry, previous.OccurredAt.AddSeconds(1));
            return e.Hash == Reference(e) && previous.Hash == Reference(previous);
        });
    }
}
