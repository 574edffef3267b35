using Certa.Infrastructure.ReferenceData;
using Certa.Infrastructure.Supervision.Inspections;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure.Supervision.FollowUps;

public static class FollowUpServices
{
    /// <summary>
    /// The follow-up rules of <c>supervision/follow-up.yaml</c> (in <c>Certa:ReferenceData</c> or the data directory
    /// found as for an import), read once per process; the inspection commands and the follow-up reads.
    /// </summary>
    public static IServiceCollection AddCertaFollowUps(this IServiceCollection services)
    {
        services.AddSingleton(sp => FollowUpRulesFile.Load(ReferenceDataLocator.Locate(sp)));
        services.AddScoped<SupervisedCertificates>();
        services.AddSingleton<Watches.CertificateWatchKeeper>();
        services.AddSingleton<Watches.CertificateWatchRebuild>();
        services.AddScoped<FollowUpQueries>();
        services.AddScoped<InspectionCommands>();
        services.AddScoped<InspectionQueries>();
        services.AddSingleton<SupervisionRound>();
        return services;
    }
}
