using Certa.Domain.Organisations;
using Certa.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(63);
        b.AsText(x => x.Kind);
        b.Text(x => x.Name);
        b.Property(x => x.RegistryId).HasMaxLength(100);
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.Region).HasMaxLength(6);
        b.HasIndex(x => x.Kind);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OrganisationId).HasMaxLength(63);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);
        b.HasIndex(x => x.Email).IsUnique();
        b.HasIndex(x => x.OrganisationId);
        b.AsText(x => x.Status);
        b.PrimitiveCollection(x => x.Roles).HasField("roles").UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasConversion<string>());
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CertaUser>().WithOne().HasForeignKey<Person>(x => x.Id).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("Invitations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OrganisationId).HasMaxLength(63);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.TokenHash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.Status });
        b.AsText(x => x.Status);
        b.PrimitiveCollection(x => x.Roles).HasField("roles").UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasConversion<string>());
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(16).ValueGeneratedNever();
        b.Property(x => x.OrganisationId).HasMaxLength(63);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.SecretHash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(x => x.OrganisationId);
        b.PrimitiveCollection(x => x.Scopes).HasField("scopes").UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasConversion<string>());
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertaUserConfiguration : IEntityTypeConfiguration<CertaUser>
{
    public void Configure(EntityTypeBuilder<CertaUser> b) => b.ToTable("Users");
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>> b) => b.ToTable("UserClaims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>> b) => b.ToTable("UserLogins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>> b) => b.ToTable("UserTokens");
}
