using System.ComponentModel;

namespace Certa.Web.Api;

/// <summary>The page asked for: 1-based page number and size (at most 200).</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest From(string? page, string? pageSize, QueryErrors errors) =>
        new(errors.Number("page", page, 1, 1, 100_000), errors.Number("pageSize", pageSize, 20, 1, MaxPageSize));
}

/// <summary>One page of a list, with the total across all pages.</summary>
public sealed record Paged<T>(
    [property: Description("The items on this page.")] IReadOnlyList<T> Items,
    [property: Description("How many items match, across all pages.")] int Total,
    int Page,
    int PageSize)
{
    public int Pages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}
