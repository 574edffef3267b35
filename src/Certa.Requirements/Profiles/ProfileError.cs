namespace Certa.Requirements.Profiles;

/// <summary>What is wrong with a profile, at a field path such as <c>features.radio[1]</c>.</summary>
public sealed record ProfileError(string Path, string Message);

/// <summary>A profile that cannot be evaluated; every error is listed.</summary>
public sealed class ProfileException(IReadOnlyList<ProfileError> errors)
    : Exception($"The profile is invalid: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"))}")
{
    public IReadOnlyList<ProfileError> Errors { get; } = errors;
}
