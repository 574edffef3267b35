namespace Certa.Domain.Verification;

/// <summary>
/// What a verifier asks: is certificate <paramref name="Number"/> valid on <paramref name="On"/> (today when null), and —
/// because a real number on the wrong product is the commonest fraud — does it cover <paramref name="Model"/> and name
/// <paramref name="Party"/> as holder or manufacturer.
/// </summary>
public sealed record VerificationRequest(string Number, DateOnly? On = null, string? Model = null, string? Party = null);
