using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure.Supervision.Credit;

public static class CreditServices
{
    /// <summary>
    /// The credit rules of <c>supervision/credit-rules.yaml</c> (in <c>Certa:ReferenceData</c> or the data directory
    /// found as for an import), read once per process; the ledger that weighs records by them; the recorder
    /// <see cref="CertaDbContext"/> calls to append the credit events that committed facts cause; the officer's command.
    /// </summary>
    public static IServiceCollection AddCertaCredit(this IServiceCollection services)
    {
        services.AddSingleton(sp => CreditRulesFile.Load(ReferenceDataLocator.Locate(sp)));
        services.AddScoped<CreditLedger>();
        services.AddSingleton<ICreditRecorder, CreditEventsFromFacts>();
        services.AddScoped<CreditQueries>();
        services.AddScoped<CreditEventCommands>();
        return services;
    }
}
