using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure.ReferenceData;

/// <summary>
/// Finds the <c>data/</c> directory: the one configured, else the nearest <c>data/</c> above the
/// working directory (a clone of the repository), else the copy shipped beside the program.
/// </summary>
public static class ReferenceDataLocator
{
    private const string Marker = "schemes.yaml";

    /// <summary>The directory as a service sees it: <c>Certa:ReferenceData</c> when configured, else found as above.</summary>
    public static string Locate(IServiceProvider services) => Locate(services.GetService<IConfiguration>()?["Certa:ReferenceData"]);

    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, Marker)))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "data");
    }
}
