using Certa.Domain.Certificates;
using Certa.Domain.Common;

namespace Certa.Domain.Verification;

/// <summary>
/// What verification needs to know of a certificate, however it was read: the whole entity for one lookup, a narrow row
/// for a million. The key and designation findings come from outside the certificate (the body's keys, the registry).
/// </summary>
public sealed record CertificateStanding(
    string Number,
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    IReadOnlyList<CertificateStatusChange> History,
    string? SupersededBy,
    IReadOnlyList<CertificateVersion> Versions,
    LocalizedText ManufacturerName,
    Finding? KeyFinding = null,
    Finding? DesignationFinding = null)
{
    public static CertificateStanding Of(Certificate c, Finding? key = null, Finding? designation = null) =>
        new(c.Number, c.IssuedOn, c.ValidUntil, c.StatusHistory, c.SupersededBy, c.Versions, c.Manufacturer.Name, key, designation);
}
