using Microsoft.AspNetCore.WebUtilities;

namespace Certa.Web.Pages.Shared;

/// <summary>Links to neighbouring pages that keep every other query parameter.</summary>
public sealed record PagerModel(int Page, int Pages, int Total, HttpRequest Request)
{
    public string Link(int page)
    {
        var query = Request.Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Request.Path, query);
    }
}
