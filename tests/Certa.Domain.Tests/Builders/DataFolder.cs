using Certa.Domain.Registry;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Domain.Tests.Builders;

/// <summary>
/// A throw-away <c>data/</c> directory: errors are reported relative to its parent, so a file
/// written as <c>schemes.yaml</c> is reported as <c>data/schemes.yaml</c>.
/// </summary>
internal sealed class DataFolder : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("certa-data-");

    public DataFolder()
    {
        DataPath = Path.Combine(root.FullName, "data");
        Directory.CreateDirectory(DataPath);
    }

    public string DataPath { get; }

    /// <summary>Writes <paramref name="yaml"/> to <paramref name="file"/> (relative to <c>data/</c>).</summary>
    public DataFolder With(string file, string yaml)
    {
        var path = Path.Combine(DataPath, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml + "\n");
        return this;
    }

    public RegistrySnapshot Read() => ReferenceDataReader.Read(DataPath);

    /// <summary>Reads the data set, which must be refused, and returns why.</summary>
    public IReadOnlyList<ReferenceDataError> Refusal() => Should.Throw<ReferenceDataException>(() => Read()).Errors;

    public void Dispose() => root.Delete(recursive: true);
}
