namespace Certa.Domain.Supervision.Draws;

/// <summary>A drawn certificate and the inspectors drawn for it, best rank first.</summary>
public sealed record DrawTarget(string CertificateNumber, string EnterpriseId, string BodyId, IReadOnlyList<string> InspectorIds);
