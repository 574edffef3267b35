using Certa.Domain.Notifications;
using Certa.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Certa.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OrganisationId).HasMaxLength(63);
        b.Property(x => x.Action).HasMaxLength(100);
        b.Property(x => x.EntityType).HasMaxLength(40);
        b.Property(x => x.EntityKey).HasMaxLength(100);
        b.Text(x => x.Subject);
        b.Text(x => x.Text);
        b.Property(x => x.Link).HasMaxLength(500);
        b.AsText(x => x.MailState);
        b.Property(x => x.MailError).HasMaxLength(2000);
        b.Ignore(x => x.IsRead);
        b.HasIndex(x => new { x.RecipientId, x.ReadAt });
        b.HasIndex(x => new { x.MailState, x.MailDueAt });
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Restrict);
    }
}
