using Certa.Domain.Certificates;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.Credit;
using Certa.Domain.Supervision.Draws;
using Certa.Domain.Supervision.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class DrawConfiguration : IEntityTypeConfiguration<Draw>
{
    public void Configure(EntityTypeBuilder<Draw> b)
    {
        // Rows are never updated or deleted: the migration adds triggers that refuse both.
        b.ToTable("Draws");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.AuthorityId).HasMaxLength(63);
        b.Property(x => x.PublicRandom).HasMaxLength(1000);
        b.Property(x => x.Seed).HasMaxLength(64);
        b.Property(x => x.Digest).HasMaxLength(64);
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => new { x.AuthorityId, x.MadeAt });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.AuthorityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("Inspections");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.AsText(x => x.Kind);
        b.AsText(x => x.State);
        b.Property(x => x.OrganisedBy).HasMaxLength(63);
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
        b.Property(x => x.EnterpriseId).HasMaxLength(63);
        b.Property(x => x.BodyId).HasMaxLength(63);
        b.Property(x => x.SchemeId).HasMaxLength(100);
        b.Property(x => x.ProductTypeId).HasMaxLength(100);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.CancelReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Inspectors).HasField("inspectors").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.Findings).HasField("findings").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.HasIndex(x => x.CertificateId);
        b.HasIndex(x => new { x.OrganisedBy, x.State });
        b.HasIndex(x => new { x.BodyId, x.State });
        b.HasIndex(x => x.EnterpriseId);
        b.HasIndex(x => x.DrawId);
        // The public results and the open-data export list recorded results newest first.
        b.HasIndex(x => new { x.RecordedAt, x.State });
        b.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Draw>().WithMany().HasForeignKey(x => x.DrawId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditRecordConfiguration : IEntityTypeConfiguration<CreditRecord>
{
    public void Configure(EntityTypeBuilder<CreditRecord> b)
    {
        // Rows are never updated or deleted: the migration adds triggers that refuse both.
        b.ToTable("CreditRecords");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.AsText(x => x.SubjectKind);
        b.Property(x => x.SubjectId).HasMaxLength(63);
        b.Property(x => x.Type).HasMaxLength(100);
        b.Property(x => x.Reference).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(300);
        b.HasIndex(x => new { x.SubjectKind, x.SubjectId, x.OccurredAt });
        // One credit event per type for a fact: a retried commit or a second instance cannot count it twice.
        b.HasIndex(x => new { x.CausedBy, x.SubjectKind, x.SubjectId, x.Type }).IsUnique();
    }
}

internal sealed class DeclaredRelationConfiguration : IEntityTypeConfiguration<DeclaredRelation>
{
    public void Configure(EntityTypeBuilder<DeclaredRelation> b)
    {
        b.ToTable("DeclaredRelations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OrganisationId).HasMaxLength(63);
        b.Property(x => x.RelatedTo).HasMaxLength(63);
        b.Property(x => x.Nature).HasMaxLength(500);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.RelatedTo);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateWatchConfiguration : IEntityTypeConfiguration<Certa.Infrastructure.Supervision.Watches.CertificateWatch>
{
    public void Configure(EntityTypeBuilder<Certa.Infrastructure.Supervision.Watches.CertificateWatch> b)
    {
        // A projection written with its certificate; no foreign key, as for the model keys (the bulk load of a registry).
        b.ToTable("CertificateWatches");
        b.HasKey(x => x.CertificateId);
        b.Property(x => x.BodyId).HasMaxLength(63);
        // A body's worklist a page at a time in due order, and its counts; the counts of every body; the daily round.
        b.HasIndex(x => new { x.BodyId, x.NextDueOn, x.CertificateId });
        b.HasIndex(x => x.NextDueOn);
        b.HasIndex(x => x.ActsFrom);
    }
}

internal sealed class CertificateWatchRulesConfiguration : IEntityTypeConfiguration<Certa.Infrastructure.Supervision.Watches.CertificateWatchRules>
{
    public void Configure(EntityTypeBuilder<Certa.Infrastructure.Supervision.Watches.CertificateWatchRules> b)
    {
        b.ToTable("CertificateWatchRules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Fingerprint).HasMaxLength(2000);
    }
}
