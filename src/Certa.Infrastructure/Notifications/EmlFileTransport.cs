using Certa.Domain.Notifications;
using MimeKit;

namespace Certa.Infrastructure.Notifications;

/// <summary>
/// Without an SMTP server, writes each e-mail as an RFC 5322 <c>.eml</c> file named after its
/// notification, so that mail can be seen working (any mail client opens them) and a retry
/// rewrites the same file rather than adding a second.
/// </summary>
public sealed class EmlFileTransport(string directory) : IMailTransport
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public async Task<MailState> DeliverAsync(MimeMessage message, Guid notificationId, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{notificationId}.eml");
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await message.WriteToAsync(temporary, ct);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException e)
        {
            File.Delete(temporary);
            throw new MailDeliveryException($"Could not write {path}: {e.Message}", e);
        }

        return MailState.Written;
    }
}
