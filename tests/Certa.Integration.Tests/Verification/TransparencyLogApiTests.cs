using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency;
using Certa.Infrastructure.Transparency.Merkle;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Verification;

/// <summary>
/// The transparency log on each database: certificate events become leaves; the signed tree head verifies with the log's
/// published key; inclusion and consistency proofs from the API verify with the RFC 9162 verifier; the monitor passes; and the
/// log's tables refuse UPDATE and DELETE.
/// </summary>
public abstract class TransparencyLogApiTests(SignedInDemoFixture fixture)
{
    private HttpClient Anyone => fixture.App.Client;

    private HttpClient Decider => fixture.As(Role.DecisionMaker).Client;

    private async Task<int> SequenceAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LogSequencer>().CatchUpAsync(default);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Anyone.GetAsync(url);
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static byte[] B64(JsonElement e, string name) => Convert.FromBase64String(e.Str(name));

    private static List<byte[]> Hashes(JsonElement array) => [.. array.EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!))];

    [Fact]
    public async Task EveryCertificateEvent_IsALeaf_UnderASignedHead_WithProofsThatVerify()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        await SequenceAsync();
        var first = await GetJsonAsync("/log/v2/get-sth");
        var info = await GetJsonAsync("/log/v2/log-info");
        TreeHeadSignature.Verify(B64(info, "key"), first.GetProperty("timestamp").GetInt64(), first.GetProperty("tree_size").GetInt64(),
            B64(first, "root_hash"), B64(first, "signature")).ShouldBeTrue();

        using (var suspend = await Decider.SendAsync(HttpMethod.Post, $"/api/v1/certificates/{certificate.Id}/suspend",
            new { reason = "Audit finding", deadline = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
        {
            suspend.StatusCode.ShouldBe(HttpStatusCode.OK, await suspend.Content.ReadAsStringAsync());
        }

        (await SequenceAsync()).ShouldBeGreaterThanOrEqualTo(1);
        var second = await GetJsonAsync("/log/v2/get-sth");
        var (m, n) = (first.GetProperty("tree_size").GetInt64(), second.GetProperty("tree_size").GetInt64());
        n.ShouldBeGreaterThan(m);

        var consistency = await GetJsonAsync($"/log/v2/get-sth-consistency?first={m}&second={n}");
        MerkleVerifier.VerifyConsistency(m, n, B64(first, "root_hash"), B64(second, "root_hash"), Hashes(consistency.GetProperty("consistency"))).ShouldBeTrue();

        var events = await GetJsonAsync($"/api/v1/public/certificates/{certificate.Number}/log");
        events.EnumerateArray().Select(e => e.Str("event")).ShouldBe(["certificate.issued", "certificate.suspended"]);
        foreach (var e in events.EnumerateArray())
        {
            e.GetProperty("verified").GetBoolean().ShouldBeTrue();
            var leaf = e.Str("leaf");
            JsonDocument.Parse(leaf).RootElement.Str("certificate").ShouldBe(certificate.Number);
            var leafHash = MerkleHash.LeafHash(Encoding.UTF8.GetBytes(leaf));
            var proof = await GetJsonAsync($"/log/v2/get-proof-by-hash?hash={Uri.EscapeDataString(Convert.ToBase64String(leafHash))}&tree_size={n}");
            var inclusion = proof.GetProperty("inclusion");
            MerkleVerifier.VerifyInclusion(leafHash, inclusion.GetProperty("leaf_index").GetInt64(), n, Hashes(inclusion.GetProperty("inclusion_path")),
                B64(second, "root_hash")).ShouldBeTrue();
        }

        var entries = await GetJsonAsync($"/log/v2/get-entries?start={m}&end={n - 1}");
        entries.GetProperty("entries").GetArrayLength().ShouldBe((int)(n - m));
    }

    [Fact]
    public async Task TheMonitor_Passes_AndTheLogTablesRefuseChanges()
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        await SequenceAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var checks = await scope.ServiceProvider.GetRequiredService<LogMonitor>().CheckAsync(0, default);
        checks.Where(c => !c.Passed).ShouldBeEmpty();
        checks.Select(c => c.Name).ShouldBe(["leaves", "tree heads", "consistency", "coverage"]);

        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var provider = db.Database.IsNpgsql();
        string[] deletes = provider
            ? ["DELETE FROM \"TransparencyLogEntries\"", "DELETE FROM \"TransparencyLogNodes\"", "DELETE FROM \"TransparencyTreeHeads\""]
            : ["DELETE FROM TransparencyLogEntries", "DELETE FROM TransparencyLogNodes", "DELETE FROM TransparencyTreeHeads"];
        foreach (var delete in deletes)
        {
            await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(delete));
        }

        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(provider
            ? "UPDATE \"TransparencyLogEntries\" SET \"Leaf\" = 'forged'"
            : "UPDATE TransparencyLogEntries SET Leaf = 'forged'"));
        (await scope.ServiceProvider.GetRequiredService<LogMonitor>().CheckAsync(0, default)).ShouldAllBe(c => c.Passed);
    }

    [Fact]
    public async Task Proofs_ReadTheNodesTheyNeed_InOneQuery()
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        await SequenceAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var first = (await scope.ServiceProvider.GetRequiredService<TransparencyLog>().LatestHeadAsync(default))!;
        await CertificateSeed.IssueAsync(fixture.App.Services);
        await SequenceAsync();
        var counter = new CommandCounter();
        await using var db = CountingContext(counter);
        var log = new TransparencyLog(db, scope.ServiceProvider.GetRequiredService<LogKey>());
        var head = (await log.LatestHeadAsync(default))!;
        var entry = (await log.EntriesAsync(first.TreeSize - 1, first.TreeSize - 1, default)).Single();
        head.TreeSize.ShouldBeGreaterThan(4, "a proof of several levels");

        counter.Reset();
        var path = await log.InclusionProofAsync(entry.Index, head.TreeSize, default);
        counter.Commands.ShouldBe(1);
        path.Count.ShouldBeGreaterThan(1);
        MerkleVerifier.VerifyInclusion(entry.LeafHash, entry.Index, head.TreeSize, path, head.RootHash).ShouldBeTrue();

        counter.Reset();
        var consistency = await log.ConsistencyProofAsync(first.TreeSize, head.TreeSize, default);
        counter.Commands.ShouldBe(1);
        MerkleVerifier.VerifyConsistency(first.TreeSize, head.TreeSize, first.RootHash, head.RootHash, consistency).ShouldBeTrue();
    }

    [Fact]
    public async Task TheMonitor_InSmallPages_ReadsEveryPage_AndGivesTheSameAnswer()
    {
        for (var i = 0; i < 5; i++)
        {
            await CertificateSeed.IssueAsync(fixture.App.Services);
        }

        await SequenceAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<TransparencyLog>();
        var whole = await new LogMonitor(db, log).CheckAsync(0, default);
        var counter = new CommandCounter();
        await using var counted = CountingContext(counter);
        var paged = await new LogMonitor(counted, new TransparencyLog(counted, scope.ServiceProvider.GetRequiredService<LogKey>()), page: 2).CheckAsync(0, default);

        paged.Where(c => !c.Passed).ShouldBeEmpty();
        paged.ShouldBe(whole);
        var events = await db.AuditEvents.CountAsync(e => e.EntityType == "certificate");
        events.ShouldBeGreaterThan(4, "several pages of two");
        // Leaves in pages of two, then coverage: a page of events and one of entries per two events.
        counter.Commands.ShouldBeGreaterThanOrEqualTo(events);
    }

    private CertaDbContext CountingContext(CommandCounter counter)
    {
        var connection = fixture.App.Database.Options().ResolveConnectionString();
        if (fixture.App.Database.Provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresCertaDbContext>();
            DatabaseServices.ConfigurePostgres(postgres, connection);
            postgres.AddInterceptors(counter);
            return new PostgresCertaDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteCertaDbContext>();
        DatabaseServices.ConfigureSqlite(sqlite, connection);
        sqlite.AddInterceptors(counter);
        return new SqliteCertaDbContext(sqlite.Options);
    }

    /// <summary>Counts the SQL commands a context sends, whatever kind.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Commands { get; private set; }

        public void Reset() => Commands = 0;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return ValueTask.FromResult(result);
        }
    }

    [Theory]
    [InlineData("/log/v2/get-sth-consistency?first=5&second=2", HttpStatusCode.BadRequest, "tree-sizes-invalid")]
    [InlineData("/log/v2/get-proof-by-hash?hash=nothex&tree_size=1", HttpStatusCode.BadRequest, "hash-invalid")]
    [InlineData("/log/v2/get-entries?start=3&end=1", HttpStatusCode.BadRequest, "range-invalid")]
    [InlineData("/log/v2/get-sth-consistency?first=1&second=999999", HttpStatusCode.NotFound, "tree-size-unknown")]
    public async Task BadQuestions_AreProblems(string url, HttpStatusCode status, string code)
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        await SequenceAsync();
        using var response = await Anyone.GetAsync(url);
        await response.ShouldBeProblemAsync(status, code);
    }
}

[Collection("sqlite")]
public sealed class SqliteTransparencyLogApiTests(SqliteSignedInDemoFixture fixture)
    : TransparencyLogApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresTransparencyLogApiTests(PostgresSignedInDemoFixture fixture)
    : TransparencyLogApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
