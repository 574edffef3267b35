using Certa.Domain.Common;

namespace Certa.Infrastructure.Notifications;

/// <summary>What one audit action tells whom: subject, text and link are templates with <c>{placeholders}</c>.</summary>
public sealed record NotificationRule(string Action, IReadOnlyList<RecipientRule> Recipients, LocalizedText Subject, LocalizedText Text, string Link);
