using Certa.Domain.Common;
using Certa.Infrastructure.Certificates.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Verify;

/// <summary>The public register searched by holder or model, a page at a time; each hit links to its verification.</summary>
public sealed class SearchModel(CertificateSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Holder { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Model { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public CertificateSearchPage? Results { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Where on the whole list this page starts, 1-based (counted by the pages followed, from the query string).</summary>
    [BindProperty(SupportsGet = true)]
    public int From { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Holder) && string.IsNullOrWhiteSpace(Model))
        {
            return;
        }

        try
        {
            Results = await search.SearchAsync(new CertificateSearchQuery(Holder, Model, After), ct);
        }
        catch (DomainException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public string NextHref(string next) =>
        $"{FirstHref()}&after={Uri.EscapeDataString(next)}&from={Math.Max(1, From) + (Results?.Hits.Count ?? 0)}";

    public string FirstHref() =>
        $"/verify/search?holder={Uri.EscapeDataString(Holder ?? string.Empty)}&model={Uri.EscapeDataString(Model ?? string.Empty)}";
}
