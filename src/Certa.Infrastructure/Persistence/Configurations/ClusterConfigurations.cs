using Certa.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> b)
    {
        b.ToTable("RateLimitWindows");
        b.HasKey(x => new { x.Partition, x.WindowStart });
        b.Property(x => x.Partition).HasMaxLength(200);
        // Old windows are deleted by start.
        b.HasIndex(x => x.WindowStart);
    }
}
