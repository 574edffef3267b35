namespace Certa.Web.Hosting;

/// <summary>Where a "return to" parameter may send someone: a path on this site, never another host.</summary>
public static class LocalPaths
{
    /// <summary>True for <c>/org</c>; false for <c>https://…</c>, <c>//host</c> and <c>/\host</c>, which browsers read as other hosts.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
