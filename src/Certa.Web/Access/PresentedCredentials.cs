namespace Certa.Web.Access;

/// <summary>
/// Whether a request carries anything to authenticate: a cookie (the session, or Identity's two-factor cookies), an
/// <c>Authorization</c> header or an <c>X-Api-Key</c>. Without one, authentication can only conclude "anonymous", so the
/// pipeline skips it; the public lookups are almost all such requests.
/// </summary>
internal static class PresentedCredentials
{
    public static bool Any(HttpContext http)
    {
        var headers = http.Request.Headers;
        return headers.Cookie.Count > 0 || headers.Authorization.Count > 0 || headers.ContainsKey("X-Api-Key");
    }
}
