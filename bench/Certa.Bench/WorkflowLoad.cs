using System.Diagnostics;
using System.Globalization;
using System.Text;
using Certa.Domain.Applications;
using Certa.Domain.Audits;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Applications;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.Audits;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Files;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;
using Certa.Infrastructure.Testing;
using Certa.Testing;
using Certa.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Certa.Bench;

/// <summary>
/// The certification workflow (issue 6) in-process: N laptop applications from draft to a granted
/// certificate through the real command classes, each step in its own DI scope and transaction as a
/// web request runs it, as the demo person who does that step. Then the audit chain is verified and
/// the certificates are counted.
/// </summary>
internal static class WorkflowLoad
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);

    private static readonly string[] Steps =
    [
        "draft", "attach document", "submit", "accept", "place test order", "dispatch samples", "receive samples", "record results",
        "complete testing", "plan factory audit", "report factory audit", "complete factory audit", "assign reviewer", "review", "decide (grant)",
    ];

    public static async Task RunAsync(DatabaseProvider provider, int applications)
    {
        var limit = provider == DatabaseProvider.Sqlite ? 500 : 200;
        if (applications < 1 || applications > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(applications), applications, $"1 to {limit} applications on {provider}.");
        }

        var ct = CancellationToken.None;
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = database.Settings();
        settings["Serilog:MinimumLevel:Default"] = "Warning";
        // The mail outbox's timer never runs here: the host is built, not started.
        var app = CertaWebApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Environment.EnvironmentName = Environments.Production;
        });
        var services = app.Services;

        var setup = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            await DatabaseMaintenance.MigrateAsync(db, ct);
            await new RegistryImporter(db, TimeProvider.System).ImportAsync(ReferenceDataReader.Read(CertaTestApp.RepositoryDataDirectory), dryRun: false, ct);
            await scope.ServiceProvider.GetRequiredService<DemoWorld>().SeedAsync(CertaTestApp.RepositoryDataDirectory, CommandContext.CommandLine(), ct);
        }

        var people = await DemoPeopleAsync(services, ct);
        long eventsBefore;
        await using (var scope = services.CreateAsyncScope())
        {
            eventsBefore = await scope.ServiceProvider.GetRequiredService<CertaDbContext>().AuditEvents.LongCountAsync(ct);
        }

        Console.WriteLine($"{provider}: migrated, imported data/ and seeded the demo world in {setup.Elapsed.TotalSeconds:F1} s ({eventsBefore} audit events)");

        var latencies = Steps.ToDictionary(s => s, _ => new List<double>(applications * 2));
        var inDatabase = Steps.ToDictionary(s => s, _ => new DatabaseTime());
        using var watch = DatabaseTime.Watch();
        var perApplication = new List<double>(applications);
        var done = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < applications; i++)
        {
            if (total.Elapsed > Budget)
            {
                Console.WriteLine($"{provider}: stopped after {done} of {applications} applications: the {Budget.TotalMinutes:F0}-minute budget was spent.");
                break;
            }

            var started = Stopwatch.GetTimestamp();
            await OneApplicationAsync(services, people, i, latencies, inDatabase, ct);
            perApplication.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            done++;
        }

        total.Stop();
        Console.WriteLine($"{provider}: {done} applications drafted to granted in {total.Elapsed.TotalSeconds:F2} s = {done / total.Elapsed.TotalSeconds:F2} applications/s " +
            $"(one application: p50 {Percentile(perApplication, 0.50):F1} ms, p95 {Percentile(perApplication, 0.95):F1} ms, max {perApplication.Max():F1} ms)");
        Console.WriteLine();
        Console.WriteLine("| step | calls | p50 ms | p95 ms | max ms | share of time | SQL commands per call | ms in SQL commands per call | ms in commit per call |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var all = latencies.Values.Sum(l => l.Sum());
        foreach (var step in Steps)
        {
            var l = latencies[step];
            var d = inDatabase[step];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {step} | {l.Count} | {Percentile(l, 0.50):F2} | {Percentile(l, 0.95):F2} | {l.Max():F2} | {100 * l.Sum() / all:F1} % " +
                $"| {d.Commands / (double)l.Count:F1} | {d.CommandMs / l.Count:F2} | {d.CommitMs / l.Count:F2} |"));
        }

        var totalMs = latencies.Values.Sum(l => l.Sum());
        var sqlMs = inDatabase.Values.Sum(d => d.CommandMs);
        var commitMs = inDatabase.Values.Sum(d => d.CommitMs);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: of {totalMs / 1000:F1} s in commands, {sqlMs / 1000:F1} s ({100 * sqlMs / totalMs:F0} %) executing {inDatabase.Values.Sum(d => d.Commands)} SQL commands " +
            $"and {commitMs / 1000:F1} s ({100 * commitMs / totalMs:F0} %) committing; the rest is EF Core, the domain, hashing and the file store"));
        var files = Path.Combine(database.DataDirectory, "files");
        var stored = Directory.Exists(files) ? Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Count() : 0;
        await FileStoreAloneAsync(provider, stored, ct);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var eventsAfter = await db.AuditEvents.LongCountAsync(ct);
            var verify = Stopwatch.StartNew();
            var chain = await AuditLog.VerifyAsync(db, ct);
            verify.Stop();
            Console.WriteLine($"{provider}: {eventsAfter - eventsBefore} audit events written by the workflow ({(eventsAfter - eventsBefore) / (double)Math.Max(done, 1):F1} per application), {eventsAfter} in all");
            Console.WriteLine($"{provider}: verify walked {chain.Events} events in {verify.Elapsed.TotalMilliseconds:F0} ms; intact: {chain.Intact}" +
                (chain.Intact ? string.Empty : $" (broken at {chain.BrokenAt}: {chain.Problem})"));

            var numbers = await db.Set<Certificate>().AsNoTracking().Select(c => c.Number).ToListAsync(ct);
            var granted = await db.Applications.AsNoTracking().CountAsync(a => a.State == ApplicationState.Granted, ct);
            var distinct = numbers.Distinct(StringComparer.Ordinal).Count();
            var ok = numbers.Count == done && distinct == done && granted == done && chain.Intact;
            Console.WriteLine($"{provider}: {granted} applications granted, {numbers.Count} certificates, {distinct} distinct numbers " +
                $"({numbers.Order(StringComparer.Ordinal).FirstOrDefault()} … {numbers.Order(StringComparer.Ordinal).LastOrDefault()}); expected {done}: {(ok ? "OK" : "MISMATCH")}");
            Console.WriteLine($"{provider}: {stored} files in the file store");
            if (!ok)
            {
                Environment.ExitCode = 1;
            }
        }

        await app.DisposeAsync();
    }

    private sealed record DemoPeople(
        CommandContext Applicant, CommandContext Handler, CommandContext Engineer, CommandContext Auditor, Guid AuditorId, Guid SecondAuditorId,
        CommandContext Reviewer, Guid ReviewerId, CommandContext Decider);

    /// <summary>Each demo person's actor, as the web's sign-in middleware finds it (<see cref="ActorDirectory"/>).</summary>
    private static async Task<DemoPeople> DemoPeopleAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<ActorDirectory>();

        async Task<(CommandContext Who, Guid Id)> PersonAsync(string email)
        {
            var id = await db.People.AsNoTracking().Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct);
            var actor = await directory.ForPersonAsync(id, ct) ?? throw new InvalidOperationException($"{email} is not an active person.");
            return (new CommandContext(actor, $"bench-{email}"), id);
        }

        var auditor = await PersonAsync("auditor@cqc.example");
        var reviewer = await PersonAsync("reviewer@cqc.example");
        return new DemoPeople(
            (await PersonAsync("applicant@demo-laptop-maker.example")).Who,
            (await PersonAsync("handler@cqc.example")).Who,
            (await PersonAsync("engineer@lab-cttl.example")).Who,
            auditor.Who, auditor.Id, (await PersonAsync("auditor2@cqc.example")).Id,
            reviewer.Who, reviewer.Id,
            (await PersonAsync("decider@cqc.example")).Who);
    }

    /// <summary>The path of <c>CertificationPathTests</c>: draft, documents, submit, accept, test, audit without findings, review, grant.</summary>
    private static async Task OneApplicationAsync(IServiceProvider services, DemoPeople who, int i, Dictionary<string, List<double>> latencies,
        Dictionary<string, DatabaseTime> inDatabase, CancellationToken ct)
    {
        async Task<T> Step<T>(string step, Func<IServiceProvider, Task<T>> run)
        {
            await using var scope = services.CreateAsyncScope();
            DatabaseTime.Current = inDatabase[step];
            var started = Stopwatch.GetTimestamp();
            var result = await run(scope.ServiceProvider);
            latencies[step].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            DatabaseTime.Current = null;
            return result;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var model = $"X{i:D4}";
        var input = new NewApplication("cqc", "ccc", "ccc.0902",
            ProductDetails.Of(new LocalizedText("Laptop", "笔记本电脑"), model, [new SeriesModel($"{model} Pro", "Larger battery")], "Example"),
            Party.Of(new LocalizedText("Shenzhen Example Computer Co., Ltd.", "深圳示例电脑有限公司"), new LocalizedText("1 Example Road, Shenzhen"), "manufacturer"),
            Party.Of(new LocalizedText("Example Factory"), new LocalizedText("2 Factory Road, Dongguan"), "factory"));
        var draft = await Step("draft", s => s.GetRequiredService<ApplicationCommands>().DraftAsync(who.Applicant, input, ct));
        var id = draft.Id;
        foreach (var document in draft.RequiredDocuments)
        {
            // Each application's documents differ, as real ones do, so every upload writes a new file to the store.
            var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n% Certa bench: application {i}, {document}\n");
            await Step("attach document", s => s.GetRequiredService<ApplicationCommands>().AttachDocumentAsync(who.Applicant, id, document, $"{document}.pdf", pdf, ct));
        }

        await Step("submit", s => s.GetRequiredService<ApplicationCommands>().SubmitAsync(who.Applicant, id, ct));
        await Step("accept", s => s.GetRequiredService<ApplicationCommands>().AcceptAsync(who.Handler, id, ct));
        var order = await Step("place test order", s => s.GetRequiredService<TestOrderCommands>().PlaceAsync(who.Handler, id, new NewTestOrder("lab-cttl", null, null), ct));
        await Step("dispatch samples", s => s.GetRequiredService<TestOrderCommands>().DispatchAsync(who.Applicant, order.Id, "SF Express", $"SF{i:D10}", today, ct));
        await Step("receive samples", s => s.GetRequiredService<TestOrderCommands>().ReceiveAsync(who.Engineer, order.Id, ct));
        await Step("record results", s => s.GetRequiredService<TestOrderCommands>().RecordResultsAsync(who.Engineer, order.Id,
            [.. order.Standards.Select(standard => (standard, true, (string?)null))], null, ct));
        await Step("complete testing", s => s.GetRequiredService<TestOrderCommands>().CompleteTestingAsync(who.Handler, id, ct));
        var audit = await Step("plan factory audit", s => s.GetRequiredService<FactoryAuditCommands>().PlanAsync(who.Handler, id,
            new NewFactoryAudit([who.AuditorId, who.SecondAuditorId], today, 2), ct));
        await Step("report factory audit", s => s.GetRequiredService<FactoryAuditCommands>().ReportAsync(who.Auditor, audit.Id,
            [.. audit.Checklist.Select(item => new ChecklistResult(item.Id, true, "Seen on site"))], [], ct));
        await Step("complete factory audit", s => s.GetRequiredService<FactoryAuditCommands>().CompleteAsync(who.Handler, id, ct));
        await Step("assign reviewer", s => s.GetRequiredService<DecisionCommands>().AssignReviewerAsync(who.Handler, id, who.ReviewerId, ct));
        await Step("review", s => s.GetRequiredService<DecisionCommands>().ReviewAsync(who.Reviewer, id, true, "Conforms.", ct));
        var (granted, certificate) = await Step("decide (grant)", s => s.GetRequiredService<DecisionCommands>().DecideAsync(who.Decider, id, true, null, ct));
        if (granted.State != ApplicationState.Granted || certificate is null)
        {
            throw new InvalidOperationException($"Application {i} ({id}) ended {granted.State} without a certificate.");
        }
    }

    /// <summary>The file store on its own: as many distinct small files as the workflow stored, into a fresh directory.</summary>
    private static async Task FileStoreAloneAsync(DatabaseProvider provider, int files, CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("certa-bench-files-").FullName;
        try
        {
            var store = new LocalFileStore(new DatabaseOptions { DataDirectory = directory });
            var times = new List<double>(files);
            for (var i = 0; i < files; i++)
            {
                var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% Certa bench: file store alone, {i}\n");
                var started = Stopwatch.GetTimestamp();
                await store.PutAsync(content, ct);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider}: the file store alone: {files} puts, p50 {Percentile(times, 0.50):F3} ms, p95 {Percentile(times, 0.95):F3} ms, {times.Sum():F0} ms in all"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Time EF Core reports spending in SQL commands and commits, gathered from its diagnostic events
    /// for the step that is running (the loop runs one step at a time).
    /// </summary>
    private sealed class DatabaseTime
    {
        public static DatabaseTime? Current { get; set; }

        public long Commands { get; private set; }

        public double CommandMs { get; private set; }

        public double CommitMs { get; private set; }

        public static IDisposable Watch() => DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (Current is not { } step)
                    {
                        return;
                    }

                    switch (e.Value)
                    {
                        case CommandExecutedEventData executed:
                            step.Commands++;
                            step.CommandMs += executed.Duration.TotalMilliseconds;
                            break;
                        case TransactionEndEventData ended when e.Key == RelationalEventId.TransactionCommitted.Name:
                            step.CommitMs += ended.Duration.TotalMilliseconds;
                            break;
                    }
                }));
            }
        }));
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }

    private static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
    }
}
