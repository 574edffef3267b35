namespace Certa.Domain.Applications;

/// <summary>
/// A valid certificate of the same product and holder that an application builds on (seed: a CQC mark
/// certificate eases a later CCC application). Its test reports stand in for type testing when they
/// cover every standard that applies today; its factory audit stands in for the initial audit when
/// the factory is the same. What it covers drops out of the plan and the clock.
/// </summary>
public sealed record CertificateReuse(Guid CertificateId, string Number, string SchemeId, bool CoversTesting, bool CoversFactoryAudit)
{
    /// <summary>The procedure steps the reuse leaves to do.</summary>
    public IReadOnlyList<StepDuration> Remaining(IReadOnlyList<StepDuration> steps) =>
        [.. steps.Where(s => !(CoversTesting && s.StepId is "sample_shipping" or "type_testing") && !(CoversFactoryAudit && s.StepId == "factory_audit"))];
}
