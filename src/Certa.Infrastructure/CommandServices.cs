using Certa.Infrastructure.Applications;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Files;
using Certa.Infrastructure.Notifications;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure;

public static class CommandServices
{
    /// <summary>The commands that change Certa's state (each commits with its audit events) and what they need.</summary>
    public static IServiceCollection AddCertaCommands(this IServiceCollection services)
    {
        services.AddScoped<OrganisationCommands>();
        services.AddScoped<PeopleCommands>();
        services.AddScoped<ApiKeyCommands>();
        services.AddScoped<ActorDirectory>();
        services.AddScoped<DemoWorld>();
        services.AddScoped<DemoCertificates>();
        services.AddScoped<DevData.DevRegistryGenerator>();
        services.AddScoped<ApplicationCommands>();
        services.AddScoped<Testing.TestOrderCommands>();
        services.AddScoped<SchemeProcedures>();
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddCertaNotifications();
        Supervision.Credit.CreditServices.AddCertaCredit(services);
        Supervision.FollowUps.FollowUpServices.AddCertaFollowUps(services);
        services.AddScoped<Supervision.Draws.DrawPopulation>().AddScoped<Supervision.Draws.DrawCommands>().AddScoped<Supervision.Draws.DrawQueries>().AddScoped<Supervision.Draws.RelationCommands>();
        services.AddScoped<Supervision.Publication.SupervisionNotices>();
        services.AddSingleton<Certification.CertificationData>();
        services.AddScoped<Audits.AuditorCommands>();
        services.AddScoped<Audits.FactoryAuditCommands>();
        services.AddScoped<Certificates.CertificateNumbers>();
        services.AddScoped<Certificates.DecisionCommands>();
        services.AddScoped<Certificates.CertificateQueries>();
        services.AddScoped<Certificates.Search.CertificateSearch>();
        services.AddScoped<Certificates.CertificateCommands>();
        services.AddScoped<Certificates.StatusListIndexes>();
        services.AddScoped<Certificates.CertificateSigner>();
        services.AddScoped<Certificates.CertificateFactsReader>();
        services.AddScoped<Certificates.CertificateDocuments>();
        services.AddScoped<Certificates.CredentialCheck>();
        services.AddCertaSigning();
        services.AddScoped<Declarations.DeclarationCommands>();
        services.AddScoped<Gmark.GmarkCommands>();
        services.AddScoped<Gmark.GmarkCsvImport>();
        services.AddSingleton<Verification.VerificationFactsCache>();
        services.AddScoped<Verification.VerificationFacts>();
        services.AddScoped<Verification.CertificateVerifier>();
        services.AddScoped<Verification.Bulk.BulkVerifier>();
        services.AddScoped<Transparency.TransparencyLog>();
        services.AddScoped<Transparency.LogSequencer>();
        services.AddSingleton<Transparency.LogKey>();
        services.AddScoped<Transparency.LogMonitor>();
        services.AddScoped<StatusLists.StatusListPublisher>();
        return services;
    }
}
