namespace Certa.Domain.Supervision.Credit;

/// <summary>Who a credit record is about.</summary>
public enum CreditSubjectKind
{
    /// <summary>A certified enterprise (holder, manufacturer or factory).</summary>
    Enterprise,

    /// <summary>A certification body.</summary>
    Body,
}
