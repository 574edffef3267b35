using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Applications;

/// <summary>The steps every application test walks first: draft the seed's laptop, upload its documents, submit.</summary>
internal static class ApplicationJourney
{
    public static readonly byte[] Pdf = "%PDF-1.4\n% Certa test document\n"u8.ToArray();

    public static object LaptopRequest(string body = "cqc", string productType = "ccc.0902", string mainModel = "X14") => new
    {
        body,
        scheme = "ccc",
        productType,
        product = new { nameEn = "Laptop", nameZh = "笔记本电脑", mainModel, seriesModels = new[] { new { model = "X14 Pro", differences = "Larger battery" } }, tradeMark = "Example" },
        manufacturer = new { nameEn = "Shenzhen Example Computer Co., Ltd.", nameZh = "深圳示例电脑有限公司", addressEn = "1 Example Road, Shenzhen" },
        factory = new { nameEn = "Example Factory", addressEn = "2 Factory Road, Dongguan" },
    };

    public static async Task<JsonElement> DraftAsync(HttpClient applicant, string productType = "ccc.0902")
    {
        using var response = await applicant.PostAsync("/api/v1/applications", Json.Body(LaptopRequest(productType: productType)));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, string document, byte[] content, string type = "application/pdf")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(type);
        return await client.PutAsync($"/api/v1/applications/{id}/documents/{document}?fileName={document}.pdf", body);
    }

    /// <summary>Drafted, every required document uploaded, submitted; returns the application's id.</summary>
    public static async Task<string> SubmittedAsync(HttpClient applicant, string productType = "ccc.0902")
    {
        var draft = await DraftAsync(applicant, productType);
        var id = draft.Str("id");
        foreach (var document in draft.GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetString()!))
        {
            using var uploaded = await UploadAsync(applicant, id, document, Pdf);
            uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        }

        using var submitted = await applicant.PostAsync($"/api/v1/applications/{id}/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Every file in the app's content-addressed store, sorted: a refused upload must leave this unchanged.</summary>
    public static string[] FilesOnDisk(CertaTestApp app)
    {
        var root = Path.Combine(app.Database.DataDirectory, "files");
        return Directory.Exists(root) ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}
