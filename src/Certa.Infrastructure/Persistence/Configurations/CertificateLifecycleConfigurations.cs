using Certa.Domain.Certificates;
using Certa.Domain.Organisations;
using Certa.Domain.Signing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class IssuedCredentialConfiguration : IEntityTypeConfiguration<IssuedCredential>
{
    public void Configure(EntityTypeBuilder<IssuedCredential> b)
    {
        b.ToTable("IssuedCredentials");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.KeyId).HasMaxLength(300);
        b.Property(x => x.BodyId).HasMaxLength(63);
        b.HasIndex(x => new { x.CertificateId, x.Version }).IsUnique();
        b.HasIndex(x => new { x.BodyId, x.MessageListIndex }).IsUnique();
        b.HasIndex(x => x.Number);
        b.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.ToTable("SigningKeys");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.BodyId).HasMaxLength(63);
        b.Property(x => x.KeyId).HasMaxLength(100);
        b.Property(x => x.PublicKey).HasMaxLength(32);
        b.Property(x => x.RevocationReason).HasMaxLength(2000);
        b.AsText(x => x.State);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Property(x => x.Fingerprint).HasMaxLength(100);
        b.HasIndex(x => new { x.BodyId, x.KeyId }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
