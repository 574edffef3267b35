using Certa.Infrastructure.Identity;
using Certa.Infrastructure.Persistence;
using Certa.Web.Registry;
using Microsoft.Extensions.Configuration;

namespace Certa.Cli;

/// <summary>
/// The services a one-shot command needs, configured exactly as the web app is: environment
/// variables (<c>Certa__Database__Provider</c>…), <c>appsettings.json</c> in the working
/// directory, then the command-line options.
/// </summary>
public static class CliServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.DataDirectory = configuration["Certa:DataDirectory"] ?? database.DataDirectory;

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddCertaDatabase(database);
        services.AddScoped<RegistryQueries>();
        services.AddLogging();
        services.AddCertaIdentity();
        return services.BuildServiceProvider();
    }

    public static string? ReferenceDataDirectory(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()["Certa:ReferenceData"];
}
