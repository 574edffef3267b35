using Certa.Infrastructure.Identity;
using Certa.Infrastructure.Organisations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Certa.Web.Access;

/// <summary>Identity's sign-in, plus: a deactivated person cannot sign in, whatever their password.</summary>
internal sealed class CertaSignInManager(
    UserManager<CertaUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CertaUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CertaUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CertaUser> confirmation,
    ActorDirectory actors)
    : SignInManager<CertaUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(CertaUser user) =>
        await base.CanSignInAsync(user) && await actors.ForPersonAsync(user.Id, CancellationToken.None) is not null;
}
