using Certa.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure.Identity;

public static class IdentityServices
{
    /// <summary>The minimum password length; the policy favours length over character classes (NIST SP 800-63B).</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>
    /// Identity's user store and password, lockout and token rules, plus Certa's commands (which
    /// need the user store). The web adds cookies and sign-in on top.
    /// </summary>
    public static IdentityBuilder AddCertaIdentity(this IServiceCollection services)
    {
        services.AddCertaCommands();
        return services.AddIdentityCore<CertaUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = MinimumPasswordLength;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<CertaDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider<CertaUser>>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
