namespace Certa.Proxy;

/// <summary>
/// Where the proxy listens and the Certa instances it balances over. Read from the command line
/// (<c>--listen URL --backend URL --backend URL</c>) or from configuration (<c>Proxy:Listen</c>, <c>Proxy:Backends:0</c>, …).
/// </summary>
public sealed record ProxyOptions(Uri Listen, IReadOnlyList<Uri> Backends)
{
    public static readonly Uri DefaultListen = new("http://127.0.0.1:8080");

    /// <summary>How often each backend's <c>/health/ready</c> is asked; a stopped instance is noticed within two intervals at worst.</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a backend that refused a connection stays out before the health probe may bring it back.</summary>
    public TimeSpan ReactivationPeriod { get; init; } = TimeSpan.FromSeconds(5);

    public static ProxyOptions From(IReadOnlyList<string> args, IConfiguration configuration)
    {
        string? listen = null;
        var backends = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = (args[i], i + 1 < args.Count ? args[i + 1] : null);
            switch (name)
            {
                case "--listen" when value is not null:
                    listen = value;
                    i++;
                    break;
                case "--backend" when value is not null:
                    backends.Add(value);
                    i++;
                    break;
                default:
                    throw new ProxyOptionsException($"'{name}' is not understood here. Usage: --listen http://127.0.0.1:8080 --backend http://127.0.0.1:5081 [--backend …]");
            }
        }

        var section = configuration.GetSection("Proxy");
        listen ??= section["Listen"];
        if (backends.Count == 0)
        {
            backends.AddRange(section.GetSection("Backends").GetChildren().Select(c => c.Value).OfType<string>());
        }

        return Of(listen, backends);
    }

    public static ProxyOptions Of(string? listen, IReadOnlyList<string> backends)
    {
        if (backends.Count == 0)
        {
            throw new ProxyOptionsException("No backend given: name each Certa instance with --backend http://127.0.0.1:PORT (or Proxy:Backends:0 in configuration).");
        }

        return new ProxyOptions(listen is null ? DefaultListen : Address(listen, "--listen"), backends.Select(b => Address(b, "--backend")).ToList());
    }

    private static Uri Address(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
            ? uri
            : throw new ProxyOptionsException($"{option} '{text}' is not an address like http://127.0.0.1:5081 (scheme, host and port, no path).");
}

/// <summary>A command line or configuration the proxy cannot start with; the message says which value and why.</summary>
public sealed class ProxyOptionsException(string message) : Exception(message);
