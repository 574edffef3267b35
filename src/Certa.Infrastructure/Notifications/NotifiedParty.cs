namespace Certa.Infrastructure.Notifications;

/// <summary>An organisation an event concerns, as <c>data/notifications.yaml</c> names it.</summary>
public enum NotifiedParty
{
    /// <summary>The application's applicant organisation.</summary>
    Applicant,

    /// <summary>The certification body that runs the application.</summary>
    Body,

    /// <summary>The laboratory of a test order.</summary>
    Lab,
}
