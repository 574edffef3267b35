using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Certa.Infrastructure.DevData;

/// <summary><c>data/demo/synthetic-registry.yaml</c>: the names, places and shares the generator draws from.</summary>
public sealed class SyntheticRegistryFile
{
    public const string FileName = "demo/synthetic-registry.yaml";

    public List<City> Cities { get; set; } = [];

    public List<Text> Words { get; set; } = [];

    public List<Text> Kinds { get; set; } = [];

    public List<Text> Streets { get; set; } = [];

    public List<string> SeriesDifferences { get; set; } = [];

    public Shares Shares { get; set; } = new();

    public Reasons Reasons { get; set; } = new();

    public static SyntheticRegistryFile Read(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The synthetic registry file is missing: {path}", path);
        }

        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<SyntheticRegistryFile>(File.ReadAllText(path)) ?? new SyntheticRegistryFile();
        if (file.Cities.Count == 0 || file.Words.Count == 0 || file.Kinds.Count == 0 || file.Streets.Count == 0 || file.SeriesDifferences.Count == 0)
        {
            throw new InvalidDataException($"{path}: cities, words, kinds, streets and series_differences each need at least one entry.");
        }

        if (file.Shares.Total is < 0 or > 1)
        {
            throw new InvalidDataException($"{path}: the shares add up to {file.Shares.Total}; they must be between 0 and 1.");
        }

        return file;
    }
}

public sealed class Text
{
    public string En { get; set; } = string.Empty;

    public string? Zh { get; set; }
}

public sealed class City
{
    public string En { get; set; } = string.Empty;

    public string? Zh { get; set; }

    public string Region { get; set; } = string.Empty;
}

public sealed class Shares
{
    public double Suspended { get; set; }

    public double SuspendedThenRestored { get; set; }

    public double Withdrawn { get; set; }

    public double Cancelled { get; set; }

    public double Renewed { get; set; }

    public double Total => Suspended + SuspendedThenRestored + Withdrawn + Cancelled + Renewed;
}

public sealed class Reasons
{
    public string Suspended { get; set; } = string.Empty;

    public string Withdrawn { get; set; } = string.Empty;

    public string Cancelled { get; set; } = string.Empty;

    public string Restored { get; set; } = string.Empty;

    /// <summary>The summary of a passed follow-up inspection.</summary>
    public string FollowUpPassed { get; set; } = string.Empty;
}
