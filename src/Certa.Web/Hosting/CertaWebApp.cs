using System.Diagnostics;
using System.Globalization;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Applications;
using Certa.Web.Audit;
using Certa.Web.Localization;
using Certa.Web.Notifications;
using Certa.Web.Organisations;
using Certa.Web.Registry;
using Certa.Web.Requirements;
using Certa.Web.Testing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
using Serilog;

namespace Certa.Web.Hosting;

/// <summary>Builds Certa's web application: API, pages, health, telemetry. The CLI and the tests both start it here.</summary>
public static class CertaWebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private static readonly string[] PagesBeforeSignIn =
        ["/Account/Login", "/Account/Logout", "/Account/LoginTwoFactor", "/Account/Invitation", "/Account/Denied"];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Razor pages and endpoints live in this assembly, whichever program hosts it.
            ApplicationName = typeof(CertaWebApp).Assembly.GetName().Name,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSerilog((provider, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", Serilog.Events.LogEventLevel.Information)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.DataDirectory = configuration["Certa:DataDirectory"] ?? database.DataDirectory;
        services.AddCertaDatabase(database);
        // Tried, so that a test can run the whole app on a clock it moves.
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, TimeProvider.System);
        services.AddScoped<RegistryQueries>();
        services.AddScoped<Organisations.OrganisationQueries>();
        services.AddScoped<Audit.AuditQueries>();
        Statistics.StatisticsServices.AddCertaStatistics(services);
        services.AddCertaAccess(configuration);
        Cluster.ClusterServices.AddCertaCluster(services, configuration, database);
        services.AddHostedService<Notifications.MailOutboxWorker>();
        Infrastructure.Supervision.Scheduling.SupervisionScheduling.AddCertaSupervisionScheduling(services, configuration, database);
        services.AddHostedService<Verification.StatusListWorker>();
        services.AddHostedService<Verification.TransparencyLogWorker>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Certa API";
            document.Info.Description = "Conformity assessment: the regulatory registry of schemes, catalogues, standards, bodies and labs.";
            return Task.CompletedTask;
        }));

        services.AddHealthChecks()
            .AddDbContextCheck<CertaDbContext>("database", tags: ["ready"])
            .AddCheck<RegistryLoadedCheck>("registry", tags: ["ready"])
            .AddCheck<StorageCheck>("storage", tags: ["ready"]);
        services.AddSingleton<StorageFailures>();

        // Chinese text is written as characters, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AddPageRoute("/Registry/Home", "/");
            // A platform admin manages another organisation's people on the same page as one's own (/org/people).
            o.Conventions.AddPageRoute("/Org/People", "/org/{id}/people");
            // Everything else needs a signed-in person (the fallback policy); these folders are public.
            o.Conventions.AllowAnonymousToFolder("/Registry");
            o.Conventions.AllowAnonymousToFolder("/Advisor");
            // The public filing record of a self-declaration, like a certificate's verification.
            o.Conventions.AllowAnonymousToFolder("/Filings");
            o.Conventions.AllowAnonymousToFolder("/Verify");
            // Draws are published the moment they are made (issue 9).
            o.Conventions.AllowAnonymousToFolder("/Draws");
            // Credit levels are public (issue 9); recording an event (/authority/credit/new, in the same folder) is not.
            o.Conventions.AllowAnonymousToPage("/Credit/Index").AllowAnonymousToPage("/Credit/Subject");
            o.Conventions.AddFolderApplicationModelConvention("/Verify",
                m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(Access.PublicRateLimits.Lookup)));
            // The account pages one reaches before signing in; /account/security is not among them.
            foreach (var page in PagesBeforeSignIn)
            {
                o.Conventions.AllowAnonymousToPage(page);
            }
        });
        services.AddSingleton<UiText>();
        services.AddSingleton<Verification.VerificationAnswerCache>();
        services.AddSingleton<Verification.StatusListCache>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            string[] cultures = [UiText.English, UiText.Chinese];
            o.SetDefaultCulture(UiText.English).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        var otlp = configuration["Certa:Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            // Traces and metrics are collected only for an exporter: no data leaves the machine by default, and spans made
            // for no one cost a public lookup a third of its throughput (bench/RESULTS.md, issue 8).
            services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService("certa"))
                .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql().AddSource(CertaTelemetry.Name))
                .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(CertaTelemetry.Name))
                .UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, new Uri(otlp));
        }
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        Cluster.ClusterServices.UseCertaForwardedHeaders(app);
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorPages.WriteExceptionAsync });
        app.UseStatusCodePages(ErrorPages.WriteAsync);
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization();
        // A request that presents no cookie, no Authorization and no API key has nothing to authenticate: most public
        // lookups skip the schemes and the actor lookup.
        app.UseWhen(PresentedCredentials.Any, branch => branch.UseAuthentication().UseActors());
        // WebApplication adds UseAuthentication in front of everything unless the app has called it; a branch's call does not
        // count, so say it has been placed (the key UseAuthentication itself sets).
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseRequestTextChecks();
        app.UseIdempotencyKeys();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o =>
        {
            o.WithTitle("Certa API").WithOpenApiRoutePattern("/openapi/{documentName}.json");
            // The reference is served from the package; nothing in it may call out of the machine.
            o.Telemetry = false;
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            o.DotNetFlag = false;
            o.DefaultFonts = false;
            o.Agent = new ScalarAgentOptions { Disabled = true };
        }).AllowAnonymous();
        app.MapRegistryApi().Public();
        app.MapRequirementsApi();
        app.MapOrganisationApi();
        app.MapAuditApi();
        app.MapApplicationApi();
        app.MapTestOrderApi();
        app.MapNotificationApi();
        Statistics.StatisticsEndpoints.MapStatisticsApi(app);
        FactoryAudits.FactoryAuditEndpoints.MapFactoryAuditApi(app);
        Certificates.DecisionEndpoints.MapDecisionApi(app);
        Certificates.CertificateEndpoints.MapCertificateApi(app);
        Certificates.SigningKeyEndpoints.MapSigningKeyApi(app);
        Declarations.DeclarationEndpoints.MapDeclarationApi(app);
        Gmark.GmarkEndpoints.MapGmarkApi(app);
        Verification.VerificationEndpoints.MapVerificationApi(app);
        Verification.CertificateSearchEndpoints.MapCertificateSearchApi(app);
        Verification.StatusListEndpoints.MapStatusLists(app);
        Verification.TransparencyLogEndpoints.MapTransparencyLog(app);
        Verification.VerificationBundleEndpoints.MapVerificationBundle(app);
        Verification.BulkVerifyEndpoints.MapBulkVerifyApi(app);
        Supervision.Publication.SupervisionNoticeEndpoints.MapSupervisionNoticeApi(app);
        Supervision.Draws.DrawEndpoints.MapDrawApi(app);
        Supervision.Draws.RelationEndpoints.MapRelationApi(app);
        Supervision.Credit.CreditEndpoints.MapCreditApi(app);
        Supervision.Inspections.InspectionEndpoints.MapInspectionApi(app);
        Supervision.FollowUps.FollowUpEndpoints.MapFollowUpApi(app);
        app.MapUiEndpoints();
        Credentials.ContextEndpoints.MapCredentialContexts(app);
        app.MapRazorPages();
    }
}
