using Certa.Infrastructure.Statistics;

namespace Certa.Web.Statistics;

public static class StatisticsServices
{
    /// <summary>The dashboards' reads; the follow-up worklist they count comes with the follow-up services.</summary>
    public static IServiceCollection AddCertaStatistics(this IServiceCollection services) =>
        services.AddScoped<StatisticsQueries>().AddScoped<FollowUpStatistics>();
}
