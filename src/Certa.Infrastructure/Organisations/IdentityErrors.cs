using Certa.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Certa.Infrastructure.Organisations;

internal static class IdentityErrors
{
    /// <summary>Turns Identity's refusal into Certa's: a taken address is a conflict, a weak password invalid input.</summary>
    public static void ThrowIfFailed(IdentityResult result, string email)
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            throw DomainException.Conflict("email-taken", $"{email} already has an account in Certa.");
        }

        var password = result.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
        throw password.Count > 0
            ? DomainException.Invalid("weak-password", string.Join(" ", password.Select(e => e.Description)), "password")
            : DomainException.Invalid("account-refused", string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
