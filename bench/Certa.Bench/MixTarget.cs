using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Certa.Bench;

/// <summary>One request of a class of the mix, and whether its answer is one the class expects.</summary>
internal sealed class MixTarget(HttpClient client, MixWorld world)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task<MixOutcome> SendAsync(MixClass kind, Random random)
    {
        using var request = kind switch
        {
            MixClass.Verify => Verify(random),
            MixClass.PortalRead => PortalRead(random),
            MixClass.Write => Draft(),
        };
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var status = (int)response.StatusCode;
            return new MixOutcome(status, Expected(kind, status));
        }
        catch (HttpRequestException e)
        {
            return new MixOutcome(0, false, e.HttpRequestError.ToString());
        }
        catch (TaskCanceledException)
        {
            return new MixOutcome(0, false, "timeout");
        }
    }

    // An unknown number is a 404 with look-alikes: a right answer to the question asked.
    private static bool Expected(MixClass kind, int status) => kind switch
    {
        MixClass.Verify => status is 200 or 404,
        MixClass.PortalRead => status is 200,
        MixClass.Write => status is 201,
    };

    private HttpRequestMessage Verify(Random random)
    {
        var number = world.Numbers[random.Next(world.Numbers.Count)];
        var roll = random.Next(10);
        var path = roll switch
        {
            0 => $"/api/v1/public/certificates/{Uri.EscapeDataString(number + random.Next(10).ToString(CultureInfo.InvariantCulture))}",
            1 => $"/api/v1/public/certificates/{Uri.EscapeDataString(number)}?at={Today.AddDays(-random.Next(1, 3 * 365)):yyyy-MM-dd}",
            _ => $"/api/v1/public/certificates/{Uri.EscapeDataString(number)}",
        };
        return new HttpRequestMessage(HttpMethod.Get, path);
    }

    private HttpRequestMessage PortalRead(Random random)
    {
        var path = random.Next(4) switch
        {
            0 => "/api/v1/applications",
            1 when world.Applications.Count > 0 => $"/api/v1/applications/{world.Applications[random.Next(world.Applications.Count)]}",
            2 => $"/api/v1/bodies/{MixWorld.Body}/follow-ups",
            _ => "/api/v1/statistics/certificates-by-state",
        };
        return Authorised(new HttpRequestMessage(HttpMethod.Get, path), world.BodyKey);
    }

    private HttpRequestMessage Draft()
    {
        var request = Authorised(new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications"), world.ApplicantKey);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Content = JsonContent.Create(new
        {
            body = MixWorld.Body,
            scheme = "ccc",
            productType = "ccc.0902",
            product = new { nameEn = "Laptop", nameZh = "笔记本电脑", mainModel = "MIX-" + Guid.NewGuid().ToString("N")[..8], tradeMark = "Example" },
            manufacturer = new { nameEn = "Shenzhen Example Computer Co., Ltd.", nameZh = "深圳示例电脑有限公司", addressEn = "1 Example Road, Shenzhen" },
            factory = new { nameEn = "Example Factory", addressEn = "2 Factory Road, Dongguan" },
        });
        return request;
    }

    private static HttpRequestMessage Authorised(HttpRequestMessage request, string key)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}

/// <summary>An answer's status (0 when none came: <see cref="Failure"/> says why) and whether the class expects it.</summary>
internal sealed record MixOutcome(int Status, bool Expected, string? Failure = null)
{
    public string Label => Failure ?? Status.ToString(CultureInfo.InvariantCulture);
}
