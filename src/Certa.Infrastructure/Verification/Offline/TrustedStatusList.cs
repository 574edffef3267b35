using System.Text.Json.Nodes;
using Certa.Infrastructure.StatusLists;

namespace Certa.Infrastructure.Verification.Offline;

/// <summary>
/// A status list is only as good as its signature: anyone who could rewrite a cached list could un-revoke a
/// certificate. A list is read only after its proof holds against its issuer's DID document.
/// </summary>
internal static class TrustedStatusList
{
    public static (StatusListContents? Contents, string? Problem) Read(JsonObject list, Func<string, JsonObject?> didDocumentOf)
    {
        var url = JsonText.Of(list, "id") ?? "(no id)";
        if (SignatureCheck.Problem(list, didDocumentOf, $"status list {url}") is { } problem)
        {
            return (null, problem);
        }

        try
        {
            return (StatusListReader.Read(list), null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }
}
