using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure.Notifications;

public static class NotificationServices
{
    /// <summary>
    /// The rules of <c>notifications.yaml</c> (in <c>Certa:ReferenceData</c> or the data directory found
    /// as for an import), the planner <see cref="CertaDbContext"/> calls, and the mail outbox.
    /// </summary>
    public static IServiceCollection AddCertaNotifications(this IServiceCollection services)
    {
        services.AddSingleton(sp => NotificationRules.Load(ReferenceDataLocator.Locate(sp)));
        services.AddSingleton<INotificationPlanner, NotificationPlanner>();
        services.AddSingleton(sp => sp.GetService<IConfiguration>()?.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions());
        services.AddSingleton<IMailTransport>(sp =>
        {
            var mail = sp.GetRequiredService<MailOptions>();
            return string.IsNullOrWhiteSpace(mail.Smtp.Host)
                ? new EmlFileTransport(mail.OutboxDirectory ?? Path.Combine(sp.GetRequiredService<DatabaseOptions>().DataDirectory, "outbox"))
                : new SmtpMailTransport(mail);
        });
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<Idempotency.IdempotencyStore>();
        return services;
    }
}
