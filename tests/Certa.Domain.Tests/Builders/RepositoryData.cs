using Certa.Domain.Registry;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Domain.Tests.Builders;

/// <summary>The repository's own <c>data/</c>, found by walking up from the test binaries.</summary>
internal static class RepositoryData
{
    public static string DataPath { get; } = Locate();

    public static RegistrySnapshot Read() => ReferenceDataReader.Read(DataPath);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var data = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(data, "schemes.yaml")))
            {
                return data;
            }
        }

        throw new InvalidOperationException($"No data/schemes.yaml in any folder above {AppContext.BaseDirectory}.");
    }
}
