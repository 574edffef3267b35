namespace Certa.Requirements.Conditions;

/// <summary>A condition that cannot be parsed or bound; <see cref="Position"/> is the 1-based column in its text.</summary>
public sealed class ConditionException(string message, int position) : Exception($"at position {position}: {message}")
{
    public int Position { get; } = position;

    public string Reason { get; } = message;
}
