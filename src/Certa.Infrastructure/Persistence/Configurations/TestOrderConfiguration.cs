using Certa.Domain.Applications;
using Certa.Domain.Organisations;
using Certa.Domain.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class TestOrderConfiguration : IEntityTypeConfiguration<TestOrder>
{
    public void Configure(EntityTypeBuilder<TestOrder> b)
    {
        b.ToTable("TestOrders");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.BodyId).HasMaxLength(63);
        b.Property(x => x.LabId).HasMaxLength(63);
        b.AsText(x => x.State);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Standards).HasField("standards").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        // The sample plan and the samples' journey share the plan's column: one JSON value, no schema change.
        b.Property(x => x.Shipment).HasField("shipment").UsePropertyAccessMode(PropertyAccessMode.Field).HasColumnName("Samples").AsJson();
        b.Ignore(x => x.Samples);
        b.Ignore(x => x.SampleState);
        b.Property(x => x.Results).HasField("results").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.Report).AsJson();
        b.Property(x => x.CorrectiveAction).AsJson();
        b.Property(x => x.CancelReason).HasMaxLength(2000);
        b.Ignore(x => x.IsSuperseded);
        b.Ignore(x => x.Outcome);
        b.HasIndex(x => x.ApplicationId);
        b.HasIndex(x => new { x.LabId, x.State });
        b.HasIndex(x => new { x.BodyId, x.State });
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.LabId).OnDelete(DeleteBehavior.Restrict);
    }
}
