using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Certa.Bench;

/// <summary>One request of a class of the mix, and whether its answer is one the class expects.</summary>
internal sealed partial class MixTarget(HttpClient client, HttpClient bodyPerson, HttpClient applicant, MixWorld world)
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
            var sender = kind switch { MixClass.PortalRead => bodyPerson, MixClass.Write => applicant, _ => client };
            using var response = await sender.SendAsync(request, HttpCompletionOption.ResponseContentRead);
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
        return new HttpRequestMessage(HttpMethod.Get, path);
    }

    private HttpRequestMessage Draft()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications");
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

    /// <summary>Signs <paramref name="person"/> in through the sign-in form, as a browser does; the client keeps the cookie.</summary>
    public static async Task SignInAsync(HttpClient client, MixPerson person)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = TokenField().Match(form) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token on /account/login.");
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = person.Email,
            ["Password"] = person.Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {person.Email} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>An answer's status (0 when none came: <see cref="Failure"/> says why) and whether the class expects it.</summary>
internal sealed record MixOutcome(int Status, bool Expected, string? Failure = null)
{
    public string Label => Failure ?? Status.ToString(CultureInfo.InvariantCulture);
}
