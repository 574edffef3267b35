using System.Globalization;
using System.Text;

namespace Certa.Bench;

/// <summary>Latencies and answers per class of the mix, and failures per second of the run, printed as markdown.</summary>
internal sealed class MixRecorder
{
    private readonly Lock gate = new();
    private readonly Dictionary<MixClass, List<double>> latencies = Enum.GetValues<MixClass>().ToDictionary(c => c, _ => new List<double>());
    private readonly Dictionary<MixClass, Dictionary<string, int>> unexpected = Enum.GetValues<MixClass>().ToDictionary(c => c, _ => new Dictionary<string, int>());
    private readonly SortedDictionary<int, (int Requests, int Failed)> seconds = [];

    public void Add(MixClass kind, MixOutcome outcome, TimeSpan latency, TimeSpan at)
    {
        lock (gate)
        {
            latencies[kind].Add(latency.TotalMilliseconds);
            var second = (int)at.TotalSeconds;
            var (requests, failed) = seconds.GetValueOrDefault(second);
            seconds[second] = (requests + 1, failed + (outcome.Expected ? 0 : 1));
            if (!outcome.Expected)
            {
                unexpected[kind][outcome.Label] = unexpected[kind].GetValueOrDefault(outcome.Label) + 1;
            }
        }
    }

    public void Print(MixOptions options, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"#### {options.Title}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{options.Url}, {options.Workers} workers, {elapsed.TotalSeconds:0.0} s, load average before/after: {options.LoadBefore} / {LoadAverage()}");
        text.AppendLine();
        text.AppendLine("| class | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | failed (by status) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var kind in Enum.GetValues<MixClass>())
        {
            text.AppendLine(Row(Name(kind), latencies[kind], unexpected[kind], elapsed));
        }

        text.AppendLine(Row("**total**", [.. latencies.Values.SelectMany(l => l)],
            unexpected.Values.SelectMany(d => d).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)), elapsed));
        if (options.Timeline)
        {
            var failing = seconds.Where(s => s.Value.Failed > 0).ToList();
            text.AppendLine();
            text.AppendLine(failing.Count == 0
                ? "No failed request in any second."
                : "Failed requests by second of the run: " + string.Join(", ", failing.Select(s => $"{s.Key} s: {s.Value.Failed}/{s.Value.Requests}")));
        }

        Console.WriteLine(text.ToString());
    }

    private static string Name(MixClass kind) => kind switch
    {
        MixClass.Verify => "public verification (90 %)",
        MixClass.PortalRead => "portal reads, signed-in body admin (9 %)",
        MixClass.Write => "drafts by a signed-in applicant, Idempotency-Key (1 %)",
    };

    private static string Row(string name, List<double> values, IReadOnlyDictionary<string, int> failed, TimeSpan elapsed)
    {
        values.Sort();
        var failures = failed.Count == 0 ? "0" : string.Join(", ", failed.OrderByDescending(p => p.Value).Select(p => $"{p.Key} × {p.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {values.Count} | {values.Count / elapsed.TotalSeconds:0} | {At(values, 0.50):0.0} | {At(values, 0.90):0.0} | {At(values, 0.99):0.0} | {(values.Count > 0 ? values[^1] : 0):0} | {failures} |");
    }

    private static double At(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
