using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Domain.Certificates;

/// <summary>What a certificate certifies, whoever it comes from: a granted application, a renewal or a G-mark registration.</summary>
public sealed record CertificateContent(
    string SchemeId,
    string BodyId,
    string HolderId,
    LocalizedText HolderName,
    LocalizedText HolderAddress,
    Party Manufacturer,
    Party Factory,
    string ProductTypeId,
    ProductDetails Product,
    IReadOnlyList<string> Standards);
