using System.Net;

namespace Certa.Testing;

/// <summary>Pages read as a browser without a session reads them.</summary>
public static class PageReads
{
    /// <summary>A page as an anonymous reader gets it, entities decoded, in <paramref name="language"/> when given.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> GetPageAsync(this CertaTestApp app, string url, string? language = null)
    {
        using var client = app.NewBrowserlikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
