using System.Text.RegularExpressions;
using Certa.Domain.Common;

namespace Certa.Domain.Organisations;

/// <summary>E-mail addresses as Certa keeps them: trimmed, lower case, one @, a dot in the domain.</summary>
public static partial class EmailAddress
{
    public static string Normalize(string? text, string field = "email")
    {
        var email = text?.Trim().ToLowerInvariant() ?? string.Empty;
        return email.Length is > 0 and <= 254 && Pattern().IsMatch(email)
            ? email
            : throw DomainException.Invalid("invalid-email", $"'{text}' is not an e-mail address.", field);
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex Pattern();
}
