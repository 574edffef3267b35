using System.Diagnostics;

namespace Certa.Bench;

/// <summary>
/// The mixed load of issue 10 against a running Certa (or the proxy in front of several), over loopback, for a bounded
/// time: 90 % public verification (numbers drawn from the database, some unknown, some as of a past day), 9 % portal
/// reads by a signed-in body admin (applications, an application, follow-ups, statistics), 1 % drafts of an
/// application by a signed-in applicant with an Idempotency-Key. Prints a markdown table per class and, with
/// --timeline, the failures second by second (to see how long a killed instance costs).
/// Usage: mix --url http://127.0.0.1:8080 --provider postgres --connection-string "…" [--seconds 30] [--workers 16] [--title "…"] [--timeline]
/// </summary>
internal static class MixLoad
{
    public static async Task RunAsync(string[] args)
    {
        var options = MixOptions.Parse(args);
        var world = await MixWorld.PrepareAsync(options);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Workers,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        using var client = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        using var bodyPerson = SessionClient(options);
        using var applicant = SessionClient(options);
        await MixTarget.SignInAsync(bodyPerson, world.BodyPerson);
        await MixTarget.SignInAsync(applicant, world.Applicant);
        var target = new MixTarget(client, bodyPerson, applicant, world);

        // Warm the server (JIT, pools) on the same mix before anything is counted.
        await RunWorkersAsync(target, options.Workers, TimeSpan.FromSeconds(Math.Min(5, options.Seconds)), record: null);
        var recorder = new MixRecorder();
        var load = Stopwatch.StartNew();
        await RunWorkersAsync(target, options.Workers, TimeSpan.FromSeconds(options.Seconds), recorder);
        recorder.Print(options, load.Elapsed);
    }

    // A person's session: its own cookie jar; redirects are answers, not followed.
    private static HttpClient SessionClient(MixOptions options) =>
        new(new SocketsHttpHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = options.Workers })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static Task RunWorkersAsync(MixTarget target, int workers, TimeSpan duration, MixRecorder? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        return Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w * 7919 + 17);
            while (Stopwatch.GetTimestamp() < until)
            {
                var roll = random.Next(100);
                var kind = roll < 90 ? MixClass.Verify : roll < 99 ? MixClass.PortalRead : MixClass.Write;
                var begin = Stopwatch.GetTimestamp();
                var outcome = await target.SendAsync(kind, random);
                var end = Stopwatch.GetTimestamp();
                record?.Add(kind, outcome, Stopwatch.GetElapsedTime(begin, end), Stopwatch.GetElapsedTime(started, end));
            }
        })));
    }
}

internal enum MixClass
{
    Verify,
    PortalRead,
    Write,
}

