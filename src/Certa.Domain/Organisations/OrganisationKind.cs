namespace Certa.Domain.Organisations;

/// <summary>The parts organisations play in conformity assessment.</summary>
public enum OrganisationKind
{
    CertificationBody,
    Laboratory,
    /// <summary>A manufacturer, factory or importer that applies for certification.</summary>
    Applicant,
    Authority,
    /// <summary>Customs, an e-commerce platform: checks certificates.</summary>
    Verifier,
    PlatformOperator,
}
