using System.Text.Json;
using Certa.Domain.Registry;
using Certa.Infrastructure.Advisor;
using Certa.Infrastructure.ReferenceData;
using Certa.Requirements;
using Certa.Requirements.Evaluation;
using Certa.Requirements.Profiles;

namespace Certa.Requirements.Tests;

/// <summary>
/// The advisor built from the repository's real <c>data/</c>, without a database. Reading and
/// compiling the data is costly, so it is done once per test run; the advisor is immutable apart
/// from its internal caches, which never change an answer.
/// </summary>
public static class RealData
{
    private static readonly Lazy<(RegistrySnapshot Snapshot, Advisor Advisor)> Loaded = new(Load);

    public static RegistrySnapshot Snapshot => Loaded.Value.Snapshot;

    public static Advisor Advisor => Loaded.Value.Advisor;

    public static AdvisorKnowledge Knowledge => Advisor.Knowledge;

    /// <summary>The date the golden tests are pinned to.</summary>
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A fresh advisor over the same data, for tests that must not share its caches.</summary>
    public static Advisor NewAdvisor() => new(new AdvisorKnowledge(Knowledge.Definitions, Snapshot, "test"));

    public static Answer Evaluate(ProfileInput input, DateOnly? on = null) => Advisor.Evaluate(input, on ?? Today);

    private static (RegistrySnapshot, Advisor) Load()
    {
        var snapshot = ReferenceDataReader.Read(Path.Combine(RepositoryRoot, "data"));
        var definitions = AdvisorDataReader.Read(snapshot)
            ?? throw new InvalidOperationException("data/ has no advisor files (data/requirements/*.yaml).");
        return (snapshot, new Advisor(new AdvisorKnowledge(definitions, snapshot, "test")));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Certa.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Certa.slnx above {AppContext.BaseDirectory}.");
    }
}

/// <summary>Builds profiles the way a person writes them: a product and the features that differ from its defaults.</summary>
public sealed class Profile
{
    private readonly Dictionary<string, JsonElement> features = new(StringComparer.Ordinal);
    private string? product;
    private string? productType;
    private string? hsCode;
    private string? keywords;
    private string? date;
    private List<string>? markets = ["CN"];

    private Profile()
    {
    }

    public static Profile Of(string product) => new() { product = product };

    public static Profile Blank() => new();

    public Profile In(params string[] codes)
    {
        markets = [.. codes];
        return this;
    }

    public Profile NoMarkets()
    {
        markets = null;
        return this;
    }

    public Profile ProductType(string id)
    {
        productType = id;
        return this;
    }

    public Profile HsCode(string code)
    {
        hsCode = code;
        return this;
    }

    public Profile Keywords(string words)
    {
        keywords = words;
        return this;
    }

    public Profile On(string isoDate)
    {
        date = isoDate;
        return this;
    }

    public Profile With(string feature, object? value)
    {
        features[feature] = JsonSerializer.SerializeToElement(value);
        return this;
    }

    /// <summary>A set feature, e.g. <c>WithSet("radio", "wifi_2g4", "cellular")</c>; no values gives the empty set.</summary>
    public Profile WithSet(string feature, params string[] values) => With(feature, values);

    public ProfileInput Build() => new()
    {
        Product = product,
        ProductType = productType,
        HsCode = hsCode,
        Keywords = keywords,
        Markets = markets,
        Date = date,
        Features = features.Count == 0 ? null : new Dictionary<string, JsonElement>(features, StringComparer.Ordinal),
    };

    public static implicit operator ProfileInput(Profile profile) => profile.Build();
}
