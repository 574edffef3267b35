using System.Net.Http.Json;
using System.Text.Json;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>
/// The body's queue, the application page's test orders and the lab's order pages in a real browser,
/// on a desktop and a phone, in English and Chinese: they render, and a phone does not scroll sideways.
/// Screenshots are left beside the test assembly for a person to look at.
/// </summary>
public sealed class BodyAndLabPortalTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    private const string Handler = "handler@cqc.example";
    private const string Engineer = "engineer@lab-cttl.example";

    [Fact]
    public async Task TheQueueAndTheLabOrder_ReadWell_OnADesktopAndAPhone_InBothLanguages()
    {
        var (applicationId, orderId) = await TestingUnderWayAsync();
        var late = Guid.Parse(await ApplicationAsync(accept: false));
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            // Submitted 60 days ago: far past the acceptance step's expected end, so the queue shows it overdue.
            var since = DateTimeOffset.UtcNow.AddDays(-60);
            await scope.ServiceProvider.GetRequiredService<CertaDbContext>().Applications.Where(a => a.Id == late)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.StateChangedAt, since));
        }

        var desktop = await fixture.SignedInAsync(Handler);
        await desktop.GotoAsync("/body/queue");
        (await desktop.Locator($"#queue-{applicationId}").CountAsync()).ShouldBe(1);
        (await desktop.InnerTextAsync("#queue-state-testing")).ShouldContain("1");
        (await desktop.GetAttributeAsync($"#queue-{late}", "data-overdue")).ShouldBe("true");
        await desktop.ShotAsync("body-queue.png");
        await desktop.GotoAsync($"/applications/{applicationId}");
        (await desktop.Locator($"#test-order-{orderId}").CountAsync()).ShouldBe(1);
        await desktop.ShotAsync("application-test-orders.png", from: "#test-orders");

        var chinese = await fixture.SignedInAsync(Handler, locale: "zh-CN");
        await chinese.GotoAsync("/body/queue");
        (await chinese.InnerTextAsync("h1")).ShouldBe("认证待办队列");
        await chinese.ShotAsync("body-queue-zh.png");

        var lab = await fixture.SignedInAsync(Engineer);
        await lab.GotoAsync("/lab/orders");
        (await lab.Locator($"#lab-order-{orderId}").CountAsync()).ShouldBe(1);
        await lab.ShotAsync("lab-orders.png");
        await lab.GotoAsync($"/lab/orders/{orderId}");
        (await lab.Locator("#results-form").CountAsync()).ShouldBe(1);
        await lab.ShotAsync("lab-order.png");

        foreach (var (who, path) in new[] { (Handler, "/body/queue"), (Handler, $"/applications/{applicationId}"), (Engineer, "/lab/orders"), (Engineer, $"/lab/orders/{orderId}") })
        {
            var phone = await fixture.SignedInAsync(who, width: 375, height: 812);
            await phone.GotoAsync(path);
            await phone.ShouldFitTheScreenAsync(path);
            await phone.ShotAsync("phone-" + path.Trim('/').Split('/')[0] + "-" + path.Count(c => c == '/') + ".png",
                from: path.StartsWith("/applications/", StringComparison.Ordinal) ? "#test-orders" : null);
        }
    }

    /// <summary>Through the API: a laptop application submitted, accepted, tested by CTTL, its samples dispatched and received.</summary>
    private async Task<(string Application, string Order)> TestingUnderWayAsync()
    {
        var applicationId = await ApplicationAsync(accept: true);
        using var handler = await fixture.App.SignInAsync(Handler);
        var order = await PostAsync(handler, $"/api/v1/applications/{applicationId}/test-orders",
            new { lab = "lab-cttl", samples = new[] { new { model = "X14", quantity = 2 }, new { model = "X14 Pro", quantity = 1 } } });
        var orderId = order.GetProperty("id").GetString()!;
        using var applicant = await fixture.App.SignInAsync("applicant@demo-laptop-maker.example");
        await PostAsync(applicant, $"/api/v1/test-orders/{orderId}/dispatch", new { carrier = "SF Express", trackingNumber = "SF1234567890" });
        using var engineer = await fixture.App.SignInAsync(Engineer);
        await PostAsync(engineer, $"/api/v1/test-orders/{orderId}/receive", new { });
        return (applicationId, orderId);
    }

    private async Task<string> ApplicationAsync(bool accept)
    {
        using var applicant = await fixture.App.SignInAsync("applicant@demo-laptop-maker.example");
        var draft = await PostAsync(applicant, "/api/v1/applications", new
        {
            body = "cqc",
            scheme = "ccc",
            productType = "ccc.0902",
            product = new { nameEn = "Laptop", nameZh = "笔记本电脑", mainModel = "X14", seriesModels = new[] { new { model = "X14 Pro", differences = "Larger battery" } } },
            manufacturer = new { nameEn = "Shenzhen Example Computer Co., Ltd.", addressEn = "1 Example Road, Shenzhen" },
            factory = new { nameEn = "Example Factory", addressEn = "2 Factory Road, Dongguan" },
        });
        var id = draft.GetProperty("id").GetString()!;
        foreach (var document in draft.GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetString()!))
        {
            using var upload = await applicant.PutAsync($"/api/v1/applications/{id}/documents/{document}?fileName={document}.pdf",
                new ByteArrayContent("%PDF-1.4\n% Certa browser test\n"u8.ToArray()));
            upload.EnsureSuccessStatusCode();
        }

        await PostAsync(applicant, $"/api/v1/applications/{id}/submit", new { });
        if (accept)
        {
            using var handler = await fixture.App.SignInAsync(Handler);
            await PostAsync(handler, $"/api/v1/applications/{id}/accept", new { });
        }

        return id;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
