namespace Certa.Infrastructure.ReferenceData;

/// <summary>One thing wrong with a data file, at a line a person can go to.</summary>
public sealed record ReferenceDataError(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>The data set was refused; nothing of it was imported.</summary>
public sealed class ReferenceDataException(IReadOnlyList<ReferenceDataError> errors)
    : Exception($"{errors.Count} error(s) in reference data; first: {errors[0]}")
{
    public IReadOnlyList<ReferenceDataError> Errors { get; } = errors;
}

/// <summary>Where a record was read from, for errors found after reading (a dangling reference).</summary>
public sealed record SourceLocation(string File, int Line);
