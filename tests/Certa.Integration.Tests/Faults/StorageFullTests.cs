using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using Certa.Infrastructure.Persistence;
using Certa.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Faults;

/// <summary>
/// SQLite's disk fills under a running Certa (simulated with <c>PRAGMA max_page_count</c> on every connection, never by
/// filling the real disk): a bulk import answers a 503 problem "storage-full" with Retry-After, writes nothing (no registration,
/// no audit event, the idempotency key released), /health/ready is unhealthy; once there is room the same request succeeds.
/// </summary>
[Collection("sqlite")]
public sealed class StorageFullTests : IAsyncLifetime
{
    private const string Header = "holder,product_type,product_name_en,main_model,hs_code,manufacturer_name_en,manufacturer_address_en,factory_name_en,factory_address_en,target_countries,validity_years,age_grading";

    private readonly PageLimit limit = new();
    private CertaTestApp app = null!;

    public async Task InitializeAsync() => app = await CertaTestApp.StartAsync(DatabaseProvider.Sqlite, demo: true,
        settings: new Dictionary<string, string?> { ["Certa:Storage:MinimumFreeMegabytes"] = "0" },
        services: s => s.ConfigureDbContext<SqliteCertaDbContext>(o => o.AddInterceptors(limit)));

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task AnImport_WhenTheDiskIsFull_Answers503StorageFull_WritesNothing_AndSucceedsOnceThereIsRoom()
    {
        var body = await app.SignInAsync("admin@cqc.example");
        var csv = Header + "\n" + string.Join("\n", Enumerable.Range(1, 200).Select(i =>
            $"demo-laptop-maker,gcc-gmark.TOY-01,\"Plush bear, large\",PB-FULL-{i:D4},95030090,Example Toys Ltd,\"1 Toy Road, Shantou\",Example Toy Factory,2 Toy Road,SA AE,3,3+"));
        var before = await CountsAsync();
        await FillAsync();

        using (var full = await ImportAsync(body, csv))
        {
            full.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await full.Content.ReadAsStringAsync());
            full.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));
            using var problem = JsonDocument.Parse(await full.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("code").GetString().ShouldBe("storage-full");
        }

        (await app.Client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        limit.Pages = PageLimit.Unlimited;
        (await CountsAsync()).ShouldBe(before, "nothing of the refused import was written");

        using var retried = await ImportAsync(body, csv);

        retried.StatusCode.ShouldBe(HttpStatusCode.Created);
        retried.Headers.Contains("Idempotency-Replayed").ShouldBeFalse("the failed attempt released its key");
        (await CountsAsync()).Registrations.ShouldBe(before.Registrations + 200);
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/gmark/import") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Add("Idempotency-Key", "import-when-full");
        return client.SendAsync(request);
    }

    /// <summary>Caps the database at its current size and uses up the free pages in it, as a full disk would leave it.</summary>
    private async Task FillAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.Database.DataDirectory, "certa.db")};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS filler (b BLOB)");
        await ExecuteAsync(connection, "PRAGMA max_page_count = 1");
        limit.Pages = 1;
        foreach (var size in new[] { 4000, 1000, 100 })
        {
            try
            {
                for (var i = 0; i < 100_000; i++)
                {
                    await ExecuteAsync(connection, $"INSERT INTO filler VALUES (randomblob({size}))");
                }
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 13)
            {
                // Full at this size; smaller rows fill what is left.
            }
        }
    }

    private async Task<(int Registrations, long AuditEvents, int Keys)> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        return (await db.GmarkRegistrations.CountAsync(), await db.AuditEvents.LongCountAsync(), await db.IdempotencyKeys.CountAsync());
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Sets <c>max_page_count</c> on every connection Certa opens (SQLite clamps a lower value to the current size).</summary>
    private sealed class PageLimit : DbConnectionInterceptor
    {
        public const long Unlimited = 1073741823;

        public long Pages { get; set; } = Unlimited;

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA max_page_count = {Pages}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA max_page_count = {Pages}";
            command.ExecuteNonQuery();
        }
    }
}
