using Certa.Domain.Organisations;
using Certa.Infrastructure.StatusLists;
using Certa.Infrastructure.Transparency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class PublishedStatusListConfiguration : IEntityTypeConfiguration<PublishedStatusList>
{
    public void Configure(EntityTypeBuilder<PublishedStatusList> b)
    {
        b.ToTable("StatusLists");
        b.HasKey(x => new { x.BodyId, x.Purpose });
        b.Property(x => x.BodyId).HasMaxLength(63);
        b.Property(x => x.Purpose).HasMaxLength(20);
        b.Property(x => x.ETag).HasMaxLength(100);
        b.Property(x => x.Digest).HasMaxLength(64);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LogEntryConfiguration : IEntityTypeConfiguration<LogEntry>
{
    public void Configure(EntityTypeBuilder<LogEntry> b)
    {
        b.ToTable("TransparencyLogEntries");
        b.HasKey(x => x.Index);
        b.Property(x => x.Index).ValueGeneratedNever();
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
        b.Property(x => x.LeafHash).HasMaxLength(32);
        b.HasIndex(x => x.AuditSequence).IsUnique();
        b.HasIndex(x => x.LeafHash);
        b.HasIndex(x => x.CertificateNumber);
    }
}

internal sealed class LogNodeConfiguration : IEntityTypeConfiguration<LogNode>
{
    public void Configure(EntityTypeBuilder<LogNode> b)
    {
        b.ToTable("TransparencyLogNodes");
        b.HasKey(x => new { x.Level, x.Index });
        b.Property(x => x.Hash).HasMaxLength(32);
    }
}

internal sealed class LogTreeHeadConfiguration : IEntityTypeConfiguration<LogTreeHead>
{
    public void Configure(EntityTypeBuilder<LogTreeHead> b)
    {
        b.ToTable("TransparencyTreeHeads");
        b.HasKey(x => x.TreeSize);
        b.Property(x => x.TreeSize).ValueGeneratedNever();
        b.Property(x => x.RootHash).HasMaxLength(32);
        b.Property(x => x.Signature).HasMaxLength(64);
    }
}
