using Certa.Domain.Certificates;
using Certa.Domain.Signing;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Testing;

/// <summary>
/// The turns a seeded certificate's life takes after issue, through the commands the body, the holder and Certa's own
/// expiry use (run from the command line, which may act for any organisation). Pass <see cref="ClockedServices"/> to have
/// a turn happen on another day.
/// </summary>
public static class CertificateHistorySeed
{
    public static Task<Certificate> SuspendAsync(IServiceProvider services, Certificate certificate, string reason, DateOnly deadline) =>
        CommandAsync(services, (commands, who) => commands.SuspendAsync(who, certificate.Id, reason, deadline, CancellationToken.None));

    public static Task<Certificate> WithdrawAsync(IServiceProvider services, Certificate certificate, string reason) =>
        CommandAsync(services, (commands, who) => commands.WithdrawAsync(who, certificate.Id, reason, CancellationToken.None));

    public static Task<Certificate> CancelAsync(IServiceProvider services, Certificate certificate, string reason) =>
        CommandAsync(services, (commands, who) => commands.CancelAsync(who, certificate.Id, reason, CancellationToken.None));

    /// <summary>Renews <paramref name="certificate"/>, which becomes superseded; returns the renewal.</summary>
    public static Task<Certificate> RenewAsync(IServiceProvider services, Certificate certificate) =>
        CommandAsync(services, (commands, who) => commands.RenewAsync(who, certificate.Id, CancellationToken.None));

    /// <summary>Expires every certificate whose last valid day has passed, as Certa does hourly; returns how many.</summary>
    public static async Task<int> ExpireDueAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        return await scope.ServiceProvider.GetRequiredService<CertificateCommands>().ExpireDueAsync(now, CancellationToken.None);
    }

    /// <summary>
    /// Revokes the key that signed <paramref name="certificate"/>'s latest credential from <paramref name="before"/> before it
    /// signed (a compromise found later), as the body admin does; the body moves on to a new key at once.
    /// </summary>
    public static async Task<SigningKey> RevokeSigningKeyAsync(IServiceProvider services, Certificate certificate, TimeSpan before, string reason)
    {
        await using var scope = services.CreateAsyncScope();
        var credential = await scope.ServiceProvider.GetRequiredService<CertaDbContext>().IssuedCredentials.AsNoTracking()
            .Where(c => c.CertificateId == certificate.Id).OrderByDescending(c => c.Version).FirstAsync();
        var keyId = credential.KeyId[(credential.KeyId.LastIndexOf('#') + 1)..];
        return await scope.ServiceProvider.GetRequiredService<BodyKeys>()
            .RevokeAsync(CommandContext.CommandLine(), certificate.BodyId, keyId, credential.SignedAt - before, reason, CancellationToken.None);
    }

    private static async Task<Certificate> CommandAsync(IServiceProvider services, Func<CertificateCommands, CommandContext, Task<Certificate>> command)
    {
        await using var scope = services.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<CertificateCommands>(), CommandContext.CommandLine());
    }
}
