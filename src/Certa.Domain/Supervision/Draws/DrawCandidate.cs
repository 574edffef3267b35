namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// One certificate of the population as it stood when the draw was made (the snapshot is part of the
/// published record, so a later change of the certificate does not change the draw).
/// </summary>
public sealed record DrawCandidate
{
    public DrawCandidate(string certificateNumber, string enterpriseId, string bodyId, string schemeId, string productTypeId, string region, string risk)
    {
        CertificateNumber = DrawGuard.Required(certificateNumber, "candidate certificate number");
        EnterpriseId = DrawGuard.Required(enterpriseId, $"enterprise id of candidate {certificateNumber}");
        BodyId = DrawGuard.Required(bodyId, $"body id of candidate {certificateNumber}");
        SchemeId = DrawGuard.Required(schemeId, $"scheme id of candidate {certificateNumber}");
        ProductTypeId = DrawGuard.Required(productTypeId, $"product type id of candidate {certificateNumber}");
        Region = DrawGuard.Required(region, $"region of candidate {certificateNumber}");
        Risk = DrawGuard.Required(risk, $"risk level of candidate {certificateNumber}");
    }

    public string CertificateNumber { get; }

    /// <summary>The certificate holder: the enterprise an inspection visits.</summary>
    public string EnterpriseId { get; }

    /// <summary>The body that issued the certificate.</summary>
    public string BodyId { get; }

    public string SchemeId { get; }

    public string ProductTypeId { get; }

    public string Region { get; }

    public string Risk { get; }
}
