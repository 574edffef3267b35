namespace Certa.Domain.Supervision.FollowUps;

/// <summary>Every scheme's follow-up policy, with a default for schemes that have none of their own.</summary>
public sealed class FollowUpRules
{
    /// <summary>The policy's key for schemes without their own.</summary>
    public const string DefaultScheme = "default";

    private readonly Dictionary<string, FollowUpPolicy> bySchemes;

    /// <exception cref="ArgumentException">No default policy, or a scheme twice.</exception>
    public FollowUpRules(IEnumerable<FollowUpPolicy> policies)
    {
        bySchemes = new Dictionary<string, FollowUpPolicy>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            if (!bySchemes.TryAdd(policy.SchemeId, policy))
            {
                throw new ArgumentException($"Scheme '{policy.SchemeId}' has two follow-up policies.", nameof(policies));
            }
        }

        Default = bySchemes.GetValueOrDefault(DefaultScheme)
            ?? throw new ArgumentException($"The follow-up rules need a '{DefaultScheme}' policy for schemes without their own.", nameof(policies));
    }

    public FollowUpPolicy Default { get; }

    public IReadOnlyCollection<FollowUpPolicy> All => bySchemes.Values;

    /// <summary>
    /// The numbers a <see cref="SupervisionWatch"/> is made from (each scheme's intervals, window and grace), as text: stored
    /// watches made under other numbers are made again.
    /// </summary>
    public string WatchFingerprint => string.Join(";", bySchemes.Values.OrderBy(p => p.SchemeId, StringComparer.Ordinal).Select(p =>
        $"{p.SchemeId}:{p.IntervalMonths}:{string.Join(",", p.ClassIntervals.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))}:{p.WindowDays}:{p.GraceDays}"));

    /// <summary>The scheme's own policy, or the default.</summary>
    public FollowUpPolicy For(string schemeId) => bySchemes.GetValueOrDefault(schemeId) ?? Default;
}
