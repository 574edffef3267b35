using System.Globalization;
using System.Net;
using Certa.Infrastructure.Persistence;

namespace Certa.Bench;

/// <summary>The mix's command line; only loopback targets are accepted.</summary>
internal sealed record MixOptions(Uri Url, DatabaseProvider Provider, string ConnectionString, int Seconds, int Workers, string Title, bool Timeline)
{
    /// <summary>The machine's load average when the run was asked for, before the bench's own warm-up.</summary>
    public string LoadBefore { get; } = MixRecorder.LoadAverage();

    public static MixOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var timeline = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--timeline")
            {
                timeline = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"'{args[i]}' is not understood. {Usage}");
            }
        }

        string Get(string name, string? fallback = null) => values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required. {Usage}");
        var url = new Uri(Get("url"));
        if (!IPAddress.TryParse(url.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"--url {url} is not a loopback address: the load test only runs against 127.0.0.1.");
        }

        return new MixOptions(url, Enum.Parse<DatabaseProvider>(Get("provider"), ignoreCase: true), Get("connection-string"),
            int.Parse(Get("seconds", "30"), CultureInfo.InvariantCulture), int.Parse(Get("workers", "16"), CultureInfo.InvariantCulture),
            Get("title", url.ToString()), timeline);
    }

    private const string Usage = "Usage: mix --url http://127.0.0.1:PORT --provider postgres|sqlite --connection-string \"…\" [--seconds 30] [--workers 16] [--title …] [--timeline]";
}

