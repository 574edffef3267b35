using Certa.Domain.Audit;
using Certa.Domain.Certificates;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Transparency;
using Certa.Infrastructure.Transparency.Merkle;

namespace Certa.Infrastructure.DevData;

/// <summary>The rows of one batch, written in one transaction: either the whole batch is in the database or none of it.</summary>
internal sealed class GeneratedBatch
{
    public List<Organisation> Organisations { get; } = [];

    public List<Certificate> Certificates { get; } = [];

    public List<CredentialToSign> ToSign { get; } = [];

    public List<Inspection> Inspections { get; } = [];

    /// <summary>The supervision watch of each live certificate, made from its follow-ups as the commit would.</summary>
    public List<Supervision.Watches.CertificateWatch> Watches { get; } = [];

    public List<IssuedCredential> Credentials { get; } = [];

    public List<PendingAudit> Pending { get; } = [];

    public List<AuditEvent> AuditEvents { get; } = [];

    /// <summary>The certificate events among <see cref="AuditEvents"/>, in their order, with what their log leaves name.</summary>
    public List<(AuditEvent Event, string Number, string BodyId)> ToLog { get; } = [];

    public List<LogEntry> LogEntries { get; } = [];

    public IReadOnlyList<MerkleNode> LogNodes { get; set; } = [];

    public List<LogTreeHead> TreeHeads { get; } = [];

    public long Rows => Organisations.Count + Certificates.Count + Inspections.Count + Watches.Count + Credentials.Count + AuditEvents.Count + LogEntries.Count + LogNodes.Count + TreeHeads.Count;
}
