using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Domain.Certificates;

/// <summary>
/// Everything a certificate says, flattened for its renderings: the signed credential and the PDFs are both
/// made from one of these, so the two never disagree.
/// </summary>
public sealed record CertificateFacts(
    string Number,
    int Version,
    string SchemeId,
    LocalizedText SchemeName,
    LocalizedText? MarkName,
    string BodyId,
    LocalizedText BodyName,
    string HolderId,
    LocalizedText HolderName,
    LocalizedText HolderAddress,
    Party Manufacturer,
    Party Factory,
    string ProductTypeId,
    LocalizedText ProductTypeName,
    ProductDetails Product,
    IReadOnlyList<CertifiedStandard> Standards,
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    string? PredecessorNumber,
    string VerificationUrl,
    CertificateSignature Signature);

/// <summary>A standard the product was assessed against, and the result.</summary>
public sealed record CertifiedStandard(string Number, LocalizedText? Title, string Result);

/// <summary>Who signed the credential, with which key, when: printed on the PDF so a reader can match it.</summary>
public sealed record CertificateSignature(string Issuer, string VerificationMethod, string KeyFingerprint, DateTimeOffset SignedAt);
