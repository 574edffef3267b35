using Certa.Domain.Applications;
using Certa.Domain.Common;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Certa.Infrastructure.Demo;

/// <summary>The shape of <c>data/demo/certificates.yaml</c>; <see cref="DemoCertificates"/> checks its content.</summary>
internal sealed class DemoCertificatesFile
{
    public List<CertificateEntry> Certificates { get; set; } = [];

    public static DemoCertificatesFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The demo certificates file is missing: {path}", path);
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<DemoCertificatesFile>(File.ReadAllText(path)) ?? new DemoCertificatesFile();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{DemoCertificates.FileName} line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }
}

internal sealed class CertificateEntry
{
    public string Id { get; set; } = string.Empty;

    public string Holder { get; set; } = string.Empty;

    public TextEntry HolderName { get; set; } = new();

    public TextEntry HolderAddress { get; set; } = new();

    public string Body { get; set; } = string.Empty;

    public string Scheme { get; set; } = string.Empty;

    public string ProductType { get; set; } = string.Empty;

    public ProductEntry Product { get; set; } = new();

    public PartyEntry Manufacturer { get; set; } = new();

    public PartyEntry Factory { get; set; } = new();

    public List<string> Standards { get; set; } = [];

    public int ValidityYears { get; set; } = 5;

    public int IssuedDaysAgo { get; set; }

    /// <summary><c>kept</c> (the default): every yearly follow-up due so far was passed; <c>none</c>: none is on record.</summary>
    public string FollowUps { get; set; } = "kept";

    public List<EventEntry> Events { get; set; } = [];
}

internal sealed class EventEntry
{
    public int DaysAgo { get; set; }

    public string Action { get; set; } = string.Empty;

    public string? Reason { get; set; }

    /// <summary>For a suspension: days from the event to the deadline to correct.</summary>
    public int? DeadlineDays { get; set; }

    public TextEntry? HolderName { get; set; }

    public TextEntry? HolderAddress { get; set; }

    public List<ModelEntry> Models { get; set; } = [];
}

internal sealed class ProductEntry
{
    public TextEntry Name { get; set; } = new();

    public string MainModel { get; set; } = string.Empty;

    public List<ModelEntry> Series { get; set; } = [];

    public string? TradeMark { get; set; }
}

internal sealed class ModelEntry
{
    public string Model { get; set; } = string.Empty;

    public string Differences { get; set; } = string.Empty;

    public SeriesModel ToModel() => new(Model, Differences);
}

internal sealed class PartyEntry
{
    public TextEntry Name { get; set; } = new();

    public TextEntry Address { get; set; } = new();
}

internal sealed class TextEntry
{
    public string En { get; set; } = string.Empty;

    public string? Zh { get; set; }

    public LocalizedText ToText() => new(En, Zh);
}
