using Certa.Domain.Common;
using Certa.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal static class RegistryMapping
{
    public static void Text<T>(this EntityTypeBuilder<T> b, System.Linq.Expressions.Expression<Func<T, LocalizedText?>> text)
        where T : class => b.ComplexProperty(text, t =>
        {
            t.Property(x => x.En).IsRequired();
            t.Property(x => x.Zh);
        });

    public static void Provenance<T>(this EntityTypeBuilder<T> b)
        where T : class, IRegistryRecord => b.ComplexProperty(x => x.Provenance, p =>
        {
            p.Property(x => x.Source).IsRequired();
            p.Property(x => x.Verified);
            p.Property(x => x.Note);
        });

    public static PropertyBuilder<TEnum> AsText<T, TEnum>(this EntityTypeBuilder<T> b,
        System.Linq.Expressions.Expression<Func<T, TEnum>> property)
        where T : class
        where TEnum : struct, Enum => b.Property(property).HasConversion<string>().HasMaxLength(40);
}

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> b)
    {
        b.HasKey(x => x.Id);
        b.Text(x => x.Name);
        b.AsText(x => x.Kind);
        b.Provenance();
    }
}

internal sealed class SchemeConfiguration : IEntityTypeConfiguration<Scheme>
{
    public void Configure(EntityTypeBuilder<Scheme> b)
    {
        b.HasKey(x => x.Id);
        b.Text(x => x.Name);
        b.Text(x => x.Mark);
        b.Text(x => x.Validity);
        b.Text(x => x.Surveillance);
        b.AsText(x => x.Obligation);
        b.Property(x => x.Impact).HasConversion<string>().HasMaxLength(40);
        b.AsText(x => x.Management);
        b.AsText(x => x.Mode);
        b.HasIndex(x => x.AuthorityId);
        b.Provenance();
    }
}

internal sealed class RuleConfiguration : IEntityTypeConfiguration<ImplementationRule>
{
    public void Configure(EntityTypeBuilder<ImplementationRule> b)
    {
        b.ToTable("Rules");
        b.HasKey(x => x.Id);
        b.Text(x => x.Title);
        b.HasIndex(x => x.SchemeId);
        b.Provenance();
    }
}

internal sealed class StandardConfiguration : IEntityTypeConfiguration<StandardEdition>
{
    public void Configure(EntityTypeBuilder<StandardEdition> b)
    {
        b.ToTable("Standards");
        b.HasKey(x => x.Number);
        b.Text(x => x.Title);
        b.AsText(x => x.Kind);
        b.HasIndex(x => x.Family);
        b.Ignore(x => x.EffectiveFrom);
        b.Provenance();
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<CatalogueCategory>
{
    public void Configure(EntityTypeBuilder<CatalogueCategory> b)
    {
        b.ToTable("Categories");
        b.HasKey(x => x.Id);
        b.Text(x => x.Name);
        b.HasIndex(x => new { x.SchemeId, x.Edition, x.No }).IsUnique();
        b.Provenance();
    }
}

internal sealed class ProductTypeConfiguration : IEntityTypeConfiguration<ProductType>
{
    public void Configure(EntityTypeBuilder<ProductType> b)
    {
        b.HasKey(x => x.Id);
        b.Text(x => x.Name);
        b.AsText(x => x.Mode);
        b.HasIndex(x => x.CategoryId);
        b.HasIndex(x => x.RuleId);
        b.Ignore(x => x.IsSelfDeclared);
        b.Provenance();
    }
}

internal sealed class CatalogueChangeConfiguration : IEntityTypeConfiguration<CatalogueChange>
{
    public void Configure(EntityTypeBuilder<CatalogueChange> b)
    {
        b.HasKey(x => x.Id);
        b.Text(x => x.Effect);
        b.HasIndex(x => new { x.SchemeId, x.Date });
        b.Provenance();
    }
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<RegistryBody>
{
    public void Configure(EntityTypeBuilder<RegistryBody> b)
    {
        b.ToTable("Bodies");
        b.HasKey(x => x.Id);
        b.Text(x => x.Name);
        b.AsText(x => x.Kind);
        b.Ignore(x => x.ParsedDesignations);
        b.Ignore(x => x.SchemeIds);
        b.Provenance();
    }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> b)
    {
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Title);
        b.HasIndex(x => x.Kind);
    }
}

internal sealed class RegistryImportConfiguration : IEntityTypeConfiguration<RegistryImportRecord>
{
    public void Configure(EntityTypeBuilder<RegistryImportRecord> b)
    {
        b.ToTable("RegistryImports");
        b.HasKey(x => x.Id);
    }
}

internal sealed class ReferenceFileConfiguration : IEntityTypeConfiguration<ReferenceFileRecord>
{
    public void Configure(EntityTypeBuilder<ReferenceFileRecord> b)
    {
        b.ToTable("ReferenceFiles");
        b.HasKey(x => x.Path);
    }
}
