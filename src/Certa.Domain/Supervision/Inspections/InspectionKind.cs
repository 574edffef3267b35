namespace Certa.Domain.Supervision.Inspections;

/// <summary>Why an inspection happens: the certificate's yearly follow-up, or a target of a "double random" draw.</summary>
public enum InspectionKind
{
    FollowUp,
    DoubleRandom,
}
