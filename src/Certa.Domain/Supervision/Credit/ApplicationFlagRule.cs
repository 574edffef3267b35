using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Credit;

/// <summary>Which credit levels flag an enterprise's new applications, and what the body handling them is told.</summary>
public sealed record ApplicationFlagRule
{
    public ApplicationFlagRule(IReadOnlyList<string> levels, LocalizedText message)
    {
        Levels = levels ?? throw new ArgumentNullException(nameof(levels));
        if (message is null || message.IsEmpty)
        {
            throw new ArgumentException("The application flag needs a message for the body.", nameof(message));
        }

        Message = message;
    }

    /// <summary>Level ids; they must be the lowest levels of the scale (checked by <see cref="CreditRules"/>).</summary>
    public IReadOnlyList<string> Levels { get; }

    public LocalizedText Message { get; }

    public bool Flags(CreditLevel level) => Levels.Contains(level.Id, StringComparer.Ordinal);
}
