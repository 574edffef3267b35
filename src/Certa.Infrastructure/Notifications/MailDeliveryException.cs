namespace Certa.Infrastructure.Notifications;

/// <summary>A delivery that failed for a reason worth retrying: the server is down, refused, timed out.</summary>
public sealed class MailDeliveryException(string message, Exception inner) : Exception(message, inner);
