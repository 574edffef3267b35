using Certa.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyKeys");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Caller).HasMaxLength(100);
        b.Property(x => x.Key).HasMaxLength(255);
        b.Property(x => x.Method).HasMaxLength(10);
        b.Property(x => x.Path).HasMaxLength(500);
        b.Property(x => x.RequestHash).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.Location).HasMaxLength(500);
        b.Ignore(x => x.IsCompleted);
        // The key is the caller's: two callers may choose the same one.
        b.HasIndex(x => new { x.Caller, x.Key }).IsUnique();
        b.HasIndex(x => x.CreatedAt);
    }
}
