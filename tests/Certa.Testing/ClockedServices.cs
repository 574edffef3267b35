using Microsoft.Extensions.DependencyInjection;

namespace Certa.Testing;

/// <summary>A clock that stands at one moment.</summary>
public sealed class StoppedClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}

/// <summary>The app's services with another clock, for seeding something as if it happened then; everything else is the app's own.</summary>
public sealed class ClockedServices(IServiceProvider services, TimeProvider clock) : IServiceProvider, IServiceScopeFactory
{
    /// <summary>The app's services as if it were <paramref name="at"/>.</summary>
    public static ClockedServices At(IServiceProvider services, DateTimeOffset at) => new(services, new StoppedClock(at));

    public object? GetService(Type serviceType) =>
        serviceType == typeof(TimeProvider) ? clock : serviceType == typeof(IServiceScopeFactory) ? this : services.GetService(serviceType);

    public IServiceScope CreateScope() => new Scope(services.CreateAsyncScope(), clock);

    private sealed class Scope(AsyncServiceScope inner, TimeProvider clock) : IServiceScope, IAsyncDisposable
    {
        public IServiceProvider ServiceProvider { get; } = new ClockedServices(inner.ServiceProvider, clock);

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
