using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Credit;

/// <summary>What the body handling a new application is told when the applicant enterprise's credit is low.</summary>
public sealed record ApplicationFlag(CreditSubject Enterprise, CreditLevel Level, decimal Score, LocalizedText Message)
{
    /// <summary>A flag when <paramref name="assessment"/> is of an enterprise at a level the rules flag; otherwise null.</summary>
    public static ApplicationFlag? For(CreditRules rules, CreditAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Subject.Kind == CreditSubjectKind.Enterprise && rules.Flag.Flags(assessment.Level)
            ? new ApplicationFlag(assessment.Subject, assessment.Level, assessment.Score, rules.Flag.Message)
            : null;
    }
}
