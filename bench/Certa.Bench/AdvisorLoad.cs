using System.Diagnostics;

namespace Certa.Bench;

/// <summary>
/// Measurements BenchmarkDotNet does not give directly: per-evaluation latency percentiles over
/// many varied profiles, and wall time for 100 000 profiles sequentially and on every core.
/// Run: <c>dotnet run -c Release --project bench/Certa.Bench -- advisor [count]</c>.
/// </summary>
public static class AdvisorLoad
{
    public static void Run(int count)
    {
        var advisor = AdvisorFixture.Build();
        var profiles = AdvisorFixture.Varied(advisor, count);
        // Warm up for two seconds: tiered compilation needs that long to settle on optimised code.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < TimeSpan.FromSeconds(2); i = (i + 1) % profiles.Count)
        {
            advisor.Evaluate(profiles[i], AdvisorFixture.Today);
        }

        var latencies = new double[profiles.Count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < profiles.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            advisor.Evaluate(profiles[i], AdvisorFixture.Today);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        total.Stop();
        Array.Sort(latencies);
        Console.WriteLine($"profiles: {count}, processors: {Environment.ProcessorCount}");
        Console.WriteLine($"sequential: {total.Elapsed.TotalMilliseconds:F0} ms ({count / total.Elapsed.TotalSeconds:F0} profiles/s)");
        Console.WriteLine($"latency µs: p50 {P(0.50):F1}  p90 {P(0.90):F1}  p99 {P(0.99):F1}  p99.9 {P(0.999):F1}  max {latencies[^1]:F1}");

        var parallel = Stopwatch.StartNew();
        Parallel.For(0, profiles.Count, i => advisor.Evaluate(profiles[i], AdvisorFixture.Today));
        parallel.Stop();
        Console.WriteLine($"parallel ({Environment.ProcessorCount} cores): {parallel.Elapsed.TotalMilliseconds:F0} ms ({count / parallel.Elapsed.TotalSeconds:F0} profiles/s)");

        long resolve = 0, evaluate = 0;
        foreach (var profile in profiles)
        {
            var t0 = Stopwatch.GetTimestamp();
            var resolved = advisor.Resolve(profile, AdvisorFixture.Today);
            var t1 = Stopwatch.GetTimestamp();
            advisor.Evaluate(resolved);
            resolve += t1 - t0;
            evaluate += Stopwatch.GetTimestamp() - t1;
        }

        Console.WriteLine($"of which: resolving profiles {resolve * 1000 / Stopwatch.Frequency} ms, evaluating rules and building answers {evaluate * 1000 / Stopwatch.Frequency} ms");

        double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];
    }

    /// <summary>Where a batch line's time goes: parsing the profile, evaluating it, writing the summary.</summary>
    public static void Stages(int count)
    {
        var advisor = AdvisorFixture.Build();
        var options = new System.Text.Json.JsonSerializerOptions();
        Web.Api.ApiJson.Configure(options);
        var lines = AdvisorFixture.Varied(advisor, count).Select(p => System.Text.Json.JsonSerializer.Serialize(p, options)).ToList();
        // Line by line, as the batch runs, so that no stage holds 100 000 answers in memory at once.
        long parse = 0, evaluate = 0, summarise = 0, write = 0, bytes = 0;
        foreach (var line in lines)
        {
            var t0 = Stopwatch.GetTimestamp();
            var input = System.Text.Json.JsonSerializer.Deserialize<Requirements.Profiles.ProfileInput>(line, options)!;
            var t1 = Stopwatch.GetTimestamp();
            var answer = advisor.Evaluate(input, AdvisorFixture.Today);
            var t2 = Stopwatch.GetTimestamp();
            var summary = Requirements.Evaluation.AnswerSummary.From(answer);
            var t3 = Stopwatch.GetTimestamp();
            bytes += System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(summary, options).Length;
            var t4 = Stopwatch.GetTimestamp();
            parse += t1 - t0;
            evaluate += t2 - t1;
            summarise += t3 - t2;
            write += t4 - t3;
        }

        static long Ms(long ticks) => ticks * 1000 / Stopwatch.Frequency;
        Console.WriteLine($"{count} lines: parse {Ms(parse)} ms, evaluate {Ms(evaluate)} ms, summarise {Ms(summarise)} ms, serialise {Ms(write)} ms ({bytes / count} bytes/line)");
    }

    /// <summary>Writes <paramref name="count"/> profiles as NDJSON, for the batch API and the CLI.</summary>
    public static void WriteNdjson(int count, string path)
    {
        var advisor = AdvisorFixture.Build();
        var options = new System.Text.Json.JsonSerializerOptions();
        Web.Api.ApiJson.Configure(options);
        using var writer = new StreamWriter(path);
        foreach (var profile in AdvisorFixture.Varied(advisor, count))
        {
            writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(profile, options));
        }
    }
}
