using Certa.Domain.Applications;
using Certa.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("Applications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ApplicantId).HasMaxLength(63);
        b.Property(x => x.BodyId).HasMaxLength(63);
        b.Property(x => x.SchemeId).HasMaxLength(100);
        b.Property(x => x.ProductTypeId).HasMaxLength(100);
        b.AsText(x => x.State);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Product).AsJson();
        b.Property(x => x.Manufacturer).AsJson();
        b.Property(x => x.Factory).AsJson();
        b.Property(x => x.RequiredDocuments).HasField("requiredDocuments").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.Documents).HasField("documents").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.Evaluators).HasField("evaluators").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.Review).AsJson();
        b.Property(x => x.Reuse).AsJson();
        b.Property(x => x.History).HasField("history").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.HasIndex(x => new { x.BodyId, x.State });
        b.HasIndex(x => x.ApplicantId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
