namespace Certa.Domain.Common;

/// <summary>How the outside world should read a refusal.</summary>
public enum RefusalKind
{
    /// <summary>The input itself is wrong (an unknown role, a malformed e-mail): fix it and retry.</summary>
    Invalid,

    /// <summary>The input is fine but the entity's state does not allow it now (already accepted, expired).</summary>
    Conflict,

    /// <summary>The actor may not do this to this entity (another organisation's person, oneself).</summary>
    Forbidden,

    /// <summary>The entity does not exist.</summary>
    NotFound,
}

/// <summary>
/// A domain rule refused a command. <see cref="Code"/> is stable for clients
/// (<c>role-not-for-organisation</c>); the message names the value that caused it.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(RefusalKind kind, string code, string message, string? field = null)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Field = field;
    }

    public DomainException()
        : this(RefusalKind.Invalid, "invalid", "The request was refused.")
    {
    }

    public DomainException(string message)
        : this(RefusalKind.Invalid, "invalid", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = RefusalKind.Invalid;
        Code = "invalid";
    }

    public RefusalKind Kind { get; }

    public string Code { get; }

    /// <summary>The input field at fault, when there is one.</summary>
    public string? Field { get; }

    public static DomainException Invalid(string code, string message, string? field = null) => new(RefusalKind.Invalid, code, message, field);

    public static DomainException Conflict(string code, string message) => new(RefusalKind.Conflict, code, message);

    public static DomainException Forbidden(string code, string message) => new(RefusalKind.Forbidden, code, message);

    public static DomainException NotFound(string code, string message) => new(RefusalKind.NotFound, code, message);
}
