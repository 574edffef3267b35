using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Certa.Infrastructure.Certificates.Documents;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.StatusLists;
using Certa.Infrastructure.Verification.Offline;
using Certa.Testing;

namespace Certa.Integration.Tests.Cli;

/// <summary><c>certa verify</c> offline: a credential file (or a certificate PDF) against a bundle in a cache directory; no server, no database.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly string cache = Directory.CreateTempSubdirectory("certa-verify-cache-").FullName;
    private readonly Ed25519KeyPair key = Ed25519.Generate();
    private readonly DateTimeOffset signedAt = DateTimeOffset.UtcNow.AddDays(-1);

    public VerifyCommandTests()
    {
        var didDocument = DidDocuments.Build(SampleCertificate.BodyDid, [new PublishedKey("key-2026", key.PublicKey, signedAt.AddYears(-1))]);
        var suspended = new Bitstring();
        suspended.Set(1);
        var lists = SampleCertificate.Status.ToDictionary(
            s => s.StatusListCredential,
            s => DataIntegrityProof.Sign(
                StatusListCredential.Build(s.StatusListCredential, SampleCertificate.BodyDid, s.Purpose, s.Purpose == StatusPurpose.Suspension ? suspended : new Bitstring(), signedAt, TimeSpan.FromDays(1)),
                key.PrivateSeed, SampleCertificate.VerificationMethod, signedAt));
        new VerificationBundle("https://certa.example", DateTimeOffset.UtcNow, new Dictionary<string, JsonObject> { [SampleCertificate.BodyDid] = didDocument }, lists).Save(cache);
    }

    public void Dispose() => Directory.Delete(cache, recursive: true);

    [Fact]
    public async Task Verify_GenuineCredential_PrintsTheVerdictAndExitsZero()
    {
        var file = Write("credential.json", Encoding.UTF8.GetBytes(Credential().ToJsonString()));

        var (exit, output, error) = await RunAsync("verify", file, "--cache", cache);

        exit.ShouldBe(0, output + error);
        output.ShouldContain("✓ Certificate 2026010901000001 (version 1): VERIFIED");
        output.ShouldContain("Acme Electronics (Shenzhen) Co., Ltd.");
        output.ShouldContain("China Quality Certification Centre");
        output.ShouldContain("✓ not-suspended");
    }

    [Fact]
    public async Task Verify_TamperedCredential_ExitsSix_AndSaysItWasAltered()
    {
        var credential = Credential();
        credential["credentialSubject"]!["certificateNumber"] = "2026010901009999";
        var file = Write("tampered.json", Encoding.UTF8.GetBytes(credential.ToJsonString()));

        var (exit, output, _) = await RunAsync("verify", file, "--cache", cache);

        exit.ShouldBe(6);
        output.ShouldContain("NOT VERIFIED");
        output.ShouldContain("✗ proof-invalid: The signature does not match the content: the credential was altered");
    }

    [Fact]
    public async Task Verify_AsJson_GivesTheChecksWithCodes()
    {
        var file = Write("credential.json", Encoding.UTF8.GetBytes(Credential().ToJsonString()));

        var (exit, output, error) = await RunAsync("verify", file, "--cache", cache, "--json");

        exit.ShouldBe(0, error);
        var result = JsonNode.Parse(output)!;
        result["verified"]!.GetValue<bool>().ShouldBeTrue();
        result["certificate"]!["number"]!.GetValue<string>().ShouldBe("2026010901000001");
        result["checks"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).ShouldContain("not-revoked");
        result["checks"]![0]!["outcome"]!.GetValue<string>().ShouldBe("passed");
    }

    [Fact]
    public async Task Verify_CertificatePdf_ChecksTheEmbeddedCredential()
    {
        var pdf = PdfAttachments.Embed(CertificatePdf.Render(SampleCertificate.Facts(), "en"), "credential.json",
            Encoding.UTF8.GetBytes(Credential().ToJsonString()), "application/vc", "The signed credential");
        var file = Write("certificate.pdf", pdf);

        var (exit, output, error) = await RunAsync("verify", file, "--cache", cache);

        exit.ShouldBe(0, output + error);
        output.ShouldContain("VERIFIED");
    }

    [Fact]
    public async Task Verify_WithoutACache_ExitsFour_AndSaysToUpdateIt()
    {
        var file = Write("credential.json", Encoding.UTF8.GetBytes(Credential().ToJsonString()));
        var empty = Directory.CreateTempSubdirectory("certa-verify-empty-").FullName;

        var (exit, _, error) = await RunAsync("verify", file, "--cache", empty);

        exit.ShouldBe(4);
        error.ShouldContain("--update-cache");
        Directory.Delete(empty);
    }

    [Fact]
    public async Task Verify_WithoutFileOrServer_IsAUsageError()
    {
        (await RunAsync("verify", "--cache", cache)).ExitCode.ShouldBe(2);
        (await RunAsync("verify", "--update-cache", "--cache", cache)).Error.ShouldContain("--server");
    }

    [Fact]
    public async Task UpdateCache_FromAServer_VerifiesAndCachesTheLists()
    {
        var fresh = Directory.CreateTempSubdirectory("certa-verify-fresh-").FullName;
        await using var server = OneAnswerServer.Start(ServerAnswer());

        var (exit, output, error) = await RunAsync("verify", "--update-cache", "--server", server.Url, "--cache", fresh);

        exit.ShouldBe(0, output + error);
        server.RequestedPath.ShouldBe("/api/v1/public/verification-bundle");
        output.ShouldContain("cqc: DID document; lists: revocation 0 set of 131072, suspension 1 set of 131072");
        VerificationBundle.Load(fresh)!.StatusLists.Count.ShouldBe(2);
        Directory.Delete(fresh, recursive: true);
    }

    [Fact]
    public async Task UpdateCache_WithAListSignedByAnotherKey_IsRefused_AndTheCacheIsUnchanged()
    {
        var before = await File.ReadAllTextAsync(Path.Combine(cache, VerificationBundle.FileName));
        var answer = ServerAnswer();
        var list = answer["bodies"]![0]!["statusLists"]!["revocation"]!.AsObject();
        list.Remove("proof");
        answer["bodies"]![0]!["statusLists"]!["revocation"] =
            DataIntegrityProof.Sign(list, Ed25519.Generate().PrivateSeed, SampleCertificate.VerificationMethod, signedAt);
        await using var server = OneAnswerServer.Start(answer);

        var (exit, _, error) = await RunAsync("verify", "--update-cache", "--server", server.Url, "--cache", cache);

        exit.ShouldBe(3);
        error.ShouldContain("revocation list refused: The signature does not match");
        error.ShouldContain("the cache is unchanged");
        (await File.ReadAllTextAsync(Path.Combine(cache, VerificationBundle.FileName))).ShouldBe(before);
    }

    private JsonObject ServerAnswer()
    {
        var bundle = VerificationBundle.Load(cache)!;
        return new JsonObject
        {
            ["server"] = "https://certa.example",
            ["generatedAt"] = "2026-11-27T12:00:00Z",
            ["bodies"] = new JsonArray(new JsonObject
            {
                ["id"] = "cqc",
                ["did"] = SampleCertificate.BodyDid,
                ["didDocument"] = bundle.DidDocuments[SampleCertificate.BodyDid].DeepClone(),
                ["statusLists"] = new JsonObject(SampleCertificate.Status.Select(s =>
                    KeyValuePair.Create(s.PurposeName, (JsonNode?)bundle.StatusLists[s.StatusListCredential].DeepClone()))),
            }),
        };
    }

    private JsonObject Credential() =>
        DataIntegrityProof.Sign(CertificateCredential.Build(SampleCertificate.Facts(), SampleCertificate.Issuer, SampleCertificate.Status),
            key.PrivateSeed, SampleCertificate.VerificationMethod, signedAt);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(cache, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    // No --provider or --data-dir: verify must not need a database.
    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(CertaCli.Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

/// <summary>A loopback HTTP server that gives one JSON answer to whatever is asked, and remembers the path.</summary>
internal sealed class OneAnswerServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    private OneAnswerServer(JsonObject answer)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        serving = ServeAsync(Encoding.UTF8.GetBytes(answer.ToJsonString()));
    }

    public string Url { get; }

    public string? RequestedPath { get; private set; }

    public static OneAnswerServer Start(JsonObject answer) => new(answer);

    public async ValueTask DisposeAsync()
    {
        listener.Close();
        try
        {
            await serving;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Closed before anyone asked: the test has already failed on what it checks.
        }
    }

    private async Task ServeAsync(byte[] body)
    {
        var context = await listener.GetContextAsync();
        RequestedPath = context.Request.Url?.AbsolutePath;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
