using System.Text.Json;
using Certa.Infrastructure.Advisor;
using Certa.Infrastructure.ReferenceData;
using Certa.Requirements;
using Certa.Requirements.Evaluation;
using Certa.Requirements.Profiles;
using Certa.Testing;

namespace Certa.Bench;

/// <summary>The advisor on the shipped data, and a reproducible stream of varied profiles.</summary>
public static class AdvisorFixture
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly string[] Radios = ["wifi_2g4", "wifi_5g", "bluetooth", "cellular", "nfc"];
    private static readonly string[][] MarketChoices = [["CN"], ["GCC"], ["CN", "GCC"], ["CN", "SA"], ["AE"]];

    public static Advisor Build()
    {
        var snapshot = ReferenceDataReader.Read(CertaTestApp.RepositoryDataDirectory);
        return new Advisor(new AdvisorKnowledge(AdvisorDataReader.Read(snapshot)!, snapshot, "bench"));
    }

    public static ProfileInput Laptop() => new() { Product = "laptop", Markets = ["CN", "GCC"], Date = "2026-11-27" };

    /// <summary><paramref name="count"/> profiles over every product, radio mix and market choice; same seed, same profiles.</summary>
    public static List<ProfileInput> Varied(Advisor advisor, int count, int seed = 42)
    {
        var random = new Random(seed);
        var products = advisor.Knowledge.Definitions.Products.Select(p => p.Id).ToArray();
        var profiles = new List<ProfileInput>(count);
        for (var i = 0; i < count; i++)
        {
            var radio = Radios.Where(_ => random.Next(3) == 0).ToArray();
            var features = new Dictionary<string, JsonElement> { ["radio"] = JsonSerializer.SerializeToElement(radio) };
            if (radio.Contains("cellular"))
            {
                features["public_telecom"] = JsonSerializer.SerializeToElement(true);
            }

            profiles.Add(new ProfileInput
            {
                Product = products[random.Next(products.Length)],
                Markets = MarketChoices[random.Next(MarketChoices.Length)],
                Features = features,
                Reference = $"P-{i}",
            });
        }

        return profiles;
    }
}
