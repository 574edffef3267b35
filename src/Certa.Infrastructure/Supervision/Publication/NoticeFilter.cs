namespace Certa.Infrastructure.Supervision.Publication;

/// <summary>
/// Which notices to list. Every field is optional; the given ones must all match. Days are UTC days and both ends are
/// included: <c>From = To = 2026-11-27</c> is everything published that day.
/// </summary>
public sealed record NoticeFilter(DateOnly? From, DateOnly? To, string? SchemeId, string? BodyId, string? EnterpriseId, NoticeKind? Kind)
{
    public static NoticeFilter All { get; } = new(null, null, null, null, null, null);

    /// <summary>The first instant published notices may have.</summary>
    public DateTimeOffset? Since => From is { } day ? Start(day) : null;

    /// <summary>The first instant past the last day; notices are published before it.</summary>
    public DateTimeOffset? Before => To is { } day ? Start(day.AddDays(1)) : null;

    /// <summary>Whether the filter narrows by the certificate (scheme, body or holder).</summary>
    public bool NarrowsCertificates => SchemeId is not null || BodyId is not null || EnterpriseId is not null;

    public bool Lists(NoticeKind kind) => Kind is null || Kind == kind;

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
