using Microsoft.AspNetCore.Localization;

namespace Certa.Web.Localization;

/// <summary>The language switch (remembered in a cookie for a year) and the embedded stylesheet and script.</summary>
public static class UiEndpoints
{
    public static void MapUiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lang/{language}", (string language, string? returnUrl, HttpContext http) =>
        {
            var culture = language == UiText.Chinese ? UiText.Chinese : UiText.English;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            // Only local paths: the switch must not become an open redirect.
            var target = Hosting.LocalPaths.IsLocal(returnUrl) ? returnUrl! : "/";
            return TypedResults.LocalRedirect(target);
        }).ExcludeFromDescription().AllowAnonymous();

        MapAsset(app, "site.css", "text/css; charset=utf-8");
        MapAsset(app, "site.js", "text/javascript; charset=utf-8");
    }

    private static void MapAsset(IEndpointRouteBuilder app, string name, string contentType) =>
        app.MapGet("/assets/" + name, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Stream(typeof(UiEndpoints).Assembly.GetManifestResourceStream("Certa.Web.Assets." + name)!, contentType);
        }).ExcludeFromDescription().AllowAnonymous();
}
