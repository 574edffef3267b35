using System.Text;
using System.Text.Json.Nodes;
using Certa.Domain.Audit;
using Certa.Domain.Common;
using Certa.Infrastructure.Credentials;

namespace Certa.Infrastructure.Transparency;

/// <summary>
/// A certificate event as the log publishes it: the certificate's number and body, what happened and when, the audit event
/// it comes from and that event's hash (which ties the log to the audit trail), and the public details (reason, deadline,
/// renewal). Canonical JSON (RFC 8785), so anyone can rebuild the leaf's bytes and hash from what it says.
/// </summary>
public static class LogLeaf
{
    public static string Build(AuditEvent e, string number, string bodyId)
    {
        var leaf = new JsonObject
        {
            ["v"] = 1,
            ["certificate"] = number,
            ["body"] = bodyId,
            ["event"] = e.Action,
            ["at"] = Timestamps.Utc(e.OccurredAt),
            ["audit"] = new JsonObject { ["sequence"] = e.Sequence, ["hash"] = e.Hash },
            ["details"] = JsonNode.Parse(e.Details),
        };
        return CanonicalJson.Serialize(leaf);
    }

    public static byte[] Bytes(string leaf) => Encoding.UTF8.GetBytes(leaf);
}
