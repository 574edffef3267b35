using Certa.Domain.Applications;
using Certa.Domain.Audits;
using Certa.Domain.Certificates;
using Certa.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class AuditorRegistrationConfiguration : IEntityTypeConfiguration<AuditorRegistration>
{
    public void Configure(EntityTypeBuilder<AuditorRegistration> b)
    {
        b.ToTable("AuditorRegistrations");
        b.HasKey(x => x.PersonId);
        b.Property(x => x.PersonId).ValueGeneratedNever();
        b.Property(x => x.BodyId).HasMaxLength(63);
        b.Property(x => x.RegistrationNumber).HasMaxLength(64);
        b.AsText(x => x.Qualification);
        b.Property(x => x.Scope).HasField("scope").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.HasIndex(x => x.BodyId);
        b.HasIndex(x => x.RegistrationNumber).IsUnique();
        b.HasOne<Person>().WithOne().HasForeignKey<AuditorRegistration>(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FactoryAuditConfiguration : IEntityTypeConfiguration<FactoryAudit>
{
    public void Configure(EntityTypeBuilder<FactoryAudit> b)
    {
        b.ToTable("FactoryAudits");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.BodyId).HasMaxLength(63);
        b.Property(x => x.ApplicantId).HasMaxLength(63);
        b.AsText(x => x.State);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Factory).AsJson();
        b.Property(x => x.Auditors).HasField("auditors").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.Checklist).HasField("checklist").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.Results).HasField("results").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.Findings).HasField("findings").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.CancelReason).HasMaxLength(2000);
        b.HasIndex(x => x.ApplicationId);
        b.HasIndex(x => new { x.BodyId, x.State });
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("Certificates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.SchemeId).HasMaxLength(100);
        b.Property(x => x.BodyId).HasMaxLength(63);
        b.Property(x => x.HolderId).HasMaxLength(63);
        b.Property(x => x.ProductTypeId).HasMaxLength(100);
        b.Text(x => x.HolderName);
        b.Text(x => x.HolderAddress);
        b.Property(x => x.Manufacturer).AsJson();
        b.Property(x => x.Factory).AsJson();
        b.Property(x => x.Product).AsJson();
        b.Property(x => x.Standards).HasField("standards").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.StatusHistory).HasField("statusHistory").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.Property(x => x.Versions).HasField("versions").UsePropertyAccessMode(PropertyAccessMode.Field).AsJson();
        b.AsText(x => x.State);
        b.Property(x => x.StateReason).HasMaxLength(2000);
        b.Property(x => x.PredecessorNumber).HasMaxLength(64);
        b.Property(x => x.SupersededBy).HasMaxLength(64);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Ignore(x => x.Models);
        b.Ignore(x => x.Content);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.ApplicationId).IsUnique();
        b.HasIndex(x => new { x.BodyId, x.StatusListIndex }).IsUnique();
        b.HasIndex(x => x.ValidUntil);
        // A holder's certificates in number order, a page at a time (the public search by holder).
        b.HasIndex(x => new { x.HolderId, x.Number });
        b.HasIndex(x => new { x.BodyId, x.State });
        // Statistics count certificates by scheme and state, and by month of issue, in the database (measured: 3.8 s → 0.09 s on 1 M rows).
        b.HasIndex(x => new { x.SchemeId, x.State });
        b.HasIndex(x => x.IssuedOn);
        // Bulk verification reads a certificate's standing from this index alone, never the wide row with its JSON columns:
        // at a million numbers a request, the lookups are most of the work (bench/RESULTS.md, issue 8).
        // Since when and until when (a suspension's deadline) it is in its state are here too: today's verdict on a certificate that
        // is not active then needs only its reason from the row, never the status history.
        b.HasIndex(x => new { x.Number, x.State, x.IssuedOn, x.ValidUntil, x.SupersededBy, x.BodyId, x.ProductTypeId, x.Version, x.StateSince, x.SuspendedUntil },
            CertaDbContext.VerificationIndex);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.HolderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeclarationConfiguration : IEntityTypeConfiguration<Certa.Domain.Declarations.Declaration>
{
    public void Configure(EntityTypeBuilder<Certa.Domain.Declarations.Declaration> b)
    {
        b.ToTable("Declarations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FilingNumber).HasMaxLength(64);
        b.Property(x => x.DeclarantId).HasMaxLength(63);
        b.Property(x => x.SchemeId).HasMaxLength(100);
        b.Property(x => x.ProductTypeId).HasMaxLength(100);
        b.AsText(x => x.Mode);
        b.AsText(x => x.State);
        b.Property(x => x.Product).AsJson();
        b.Property(x => x.Manufacturer).AsJson();
        b.Property(x => x.Factory).AsJson();
        b.Property(x => x.Report).AsJson();
        b.Property(x => x.WithdrawnBecause).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.FilingNumber).IsUnique();
        b.HasIndex(x => x.DeclarantId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.DeclarantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateModelKeyConfiguration : IEntityTypeConfiguration<Certa.Infrastructure.Certificates.Search.CertificateModelKey>
{
    public void Configure(EntityTypeBuilder<Certa.Infrastructure.Certificates.Search.CertificateModelKey> b)
    {
        b.ToTable("CertificateModels");
        // The key first: a model or a model's beginning is one range of the primary key. No foreign key: the rows are a
        // projection written with their certificate, and a check per row would slow the bulk load of a national registry.
        b.HasKey(x => new { x.Key, x.CertificateId });
        b.Property(x => x.Key).HasMaxLength(Certa.Infrastructure.Certificates.Search.CertificateModelKey.MaxLength);
    }
}
