using Certa.Domain.Gmark;
using Certa.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class GmarkRegistrationConfiguration : IEntityTypeConfiguration<GmarkRegistration>
{
    public void Configure(EntityTypeBuilder<GmarkRegistration> b)
    {
        b.ToTable("GmarkRegistrations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Gcts).HasMaxLength(32);
        b.Property(x => x.BodyId).HasMaxLength(63);
        b.Property(x => x.HolderId).HasMaxLength(63);
        b.Property(x => x.SchemeId).HasMaxLength(100);
        b.Property(x => x.Details).AsJson();
        b.AsText(x => x.State);
        b.Property(x => x.RejectedBecause).HasMaxLength(2000);
        b.Property(x => x.ApprovedBy).HasMaxLength(100);
        b.Property(x => x.History).HasField("history").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.Version).IsConcurrencyToken();
        // The GCTS code is unique: two registrations that drew the same sequence at once cannot both be saved.
        b.HasIndex(x => x.Gcts).IsUnique();
        b.HasIndex(x => new { x.BodyId, x.State });
        b.HasIndex(x => x.State);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.HolderId).OnDelete(DeleteBehavior.Restrict);
    }
}
