using Microsoft.AspNetCore.Identity;

namespace Certa.Infrastructure.Identity;

/// <summary>
/// A person's credentials for ASP.NET Core Identity: password hash, lockout, two-factor key. Its
/// id is the <see cref="Certa.Domain.Organisations.Person"/>'s id; who the person is and what they
/// may do live there.
/// </summary>
public sealed class CertaUser : IdentityUser<Guid>
{
    public CertaUser()
    {
    }

    public CertaUser(Guid id, string email)
    {
        Id = id;
        UserName = email;
        Email = email;
        // Invitations prove the address: the link was sent to it.
        EmailConfirmed = true;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }
}
