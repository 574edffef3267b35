using Certa.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure.Signing;

public static class SigningServices
{
    /// <summary>The bodies' signing keys, the master key that protects them, and the public names of their credentials.</summary>
    public static IServiceCollection AddCertaSigning(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetService<IConfiguration>()?.GetSection(SigningOptions.Section).Get<SigningOptions>() ?? new SigningOptions());
        services.AddSingleton(sp => new MasterKey(sp.GetRequiredService<SigningOptions>(), sp.GetRequiredService<DatabaseOptions>()));
        services.AddSingleton<KeyProtector>();
        services.AddSingleton<IssuerIdentity>();
        services.AddScoped<BodyKeys>();
        return services;
    }
}
