using Certa.Domain.Audits;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Registry;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certification;

/// <summary>
/// The certification data of the current import (audit rules, number patterns), read from the stored
/// files once per import and shared, like the advisor's rules.
/// </summary>
public sealed class CertificationData : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Fingerprint, CertificationDefinitions Definitions)? current;

    public async Task<CertificationDefinitions> GetAsync(CertaDbContext db, CancellationToken ct)
    {
        var fingerprint = await db.RegistryImports.AsNoTracking().OrderByDescending(i => i.Id).Select(i => i.Fingerprint).FirstOrDefaultAsync(ct);
        if (fingerprint is null)
        {
            return CertificationDefinitions.Empty;
        }

        if (current is { } cached && cached.Fingerprint == fingerprint)
        {
            return cached.Definitions;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Fingerprint == fingerprint)
            {
                return again.Definitions;
            }

            var files = await db.ReferenceFiles.AsNoTracking().OrderBy(f => f.Path).Select(f => new SourceFile(f.Path, f.Text)).ToListAsync(ct);
            var schemes = await db.Schemes.AsNoTracking().Select(s => s.Id).ToListAsync(ct);
            var bodies = await db.Bodies.AsNoTracking().Select(b => b.Id).ToListAsync(ct);
            var definitions = CertificationDataReader.Read(files, schemes, bodies);
            current = (fingerprint, definitions);
            return definitions;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<AuditRule> AuditRuleAsync(CertaDbContext db, string schemeId, CancellationToken ct) =>
        (await GetAsync(db, ct)).AuditRules.TryGetValue(schemeId, out var rule)
            ? rule
            : throw DomainException.Conflict("no-audit-checklist",
                $"Certa's data have no factory-audit checklist for scheme '{schemeId}' (data/certification/factory-audit.yaml); an audit cannot be planned.");

    public async Task<CertificateNumberPattern> NumberPatternAsync(CertaDbContext db, string schemeId, CancellationToken ct) =>
        (await GetAsync(db, ct)).NumberPatterns.TryGetValue(schemeId, out var pattern)
            ? pattern
            : throw DomainException.Conflict("no-number-pattern",
                $"Certa's data have no certificate-number pattern for scheme '{schemeId}' (data/certification/certificate-numbers.yaml); the certificate cannot be numbered.");

    public async Task<CertificateNumberPattern> DeclarationPatternAsync(CertaDbContext db, string schemeId, CancellationToken ct) =>
        (await GetAsync(db, ct)).DeclarationPatterns.TryGetValue(schemeId, out var pattern)
            ? pattern
            : throw DomainException.Conflict("no-filing-number-pattern",
                $"Certa's data have no filing-number pattern for scheme '{schemeId}' (data/certification/certificate-numbers.yaml); the declaration cannot be filed.");

    public async Task<Gmark.GctsRules> GctsAsync(CertaDbContext db, string schemeId, CancellationToken ct) =>
        (await GetAsync(db, ct)).Gcts.TryGetValue(schemeId, out var rules)
            ? rules
            : throw DomainException.Conflict("no-gcts-rules",
                $"Certa's data have no GCTS rules for scheme '{schemeId}' (data/gcc/gcts.yaml); no G-mark registration can be made.");

    public void Dispose() => gate.Dispose();
}
