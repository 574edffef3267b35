using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Certa.Infrastructure.Certificates.Documents;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Verification.Offline;

namespace Certa.Cli.Commands;

/// <summary>
/// <c>certa verify FILE</c>: checks a certificate credential (JSON, or the one embedded in a certificate PDF) fully
/// offline against the cached verification bundle; <c>certa verify --update-cache --server URL</c> refreshes that
/// cache. Neither opens the database.
/// </summary>
internal static class VerifyCommand
{
    public const string BundlePath = "/api/v1/public/verification-bundle";

    private static readonly JsonSerializerOptions JsonOutput = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Holder and body names are Chinese as often as not; the output is read, not embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "The credential: a VC JSON file, or a certificate PDF with the credential embedded.", Arity = ArgumentArity.ZeroOrOne };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "Cache directory (default $XDG_CACHE_HOME/certa, else ~/.cache/certa)." };
        var json = new Option<bool>("--json") { Description = "Print the verdict as JSON." };
        var update = new Option<bool>("--update-cache") { Description = "Fetch the DID documents and signed status lists from --server into the cache." };
        var server = new Option<string?>("--server") { Description = "The Certa server to fetch from, e.g. https://certa.example (with --update-cache)." };
        var command = new Command("verify", "Verify a certificate credential offline; exit 0 when verified, 6 when not.") { file, cache, json, update, server };
        command.Validators.Add(result =>
        {
            var updating = result.GetValue(update);
            if (updating && ServerUri(result.GetValue(server)) is null)
            {
                result.AddError("--update-cache needs --server with an absolute http(s) URL.");
            }

            if (updating == (result.GetValue(file) is not null))
            {
                result.AddError(updating ? "Give either FILE or --update-cache, not both." : "Give the FILE to verify, or --update-cache --server URL.");
            }
        });

        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var directory = parse.GetValue(cache)?.FullName ?? VerificationBundle.DefaultDirectory(System.Environment.GetEnvironmentVariable);
            return parse.GetValue(update)
                ? await UpdateCacheAsync(ServerUri(parse.GetValue(server))!, directory, ct)
                : await VerifyAsync(parse.GetValue(file)!, directory, parse.GetValue(json), ct);
        }));
        return command;
    }

    /// <summary>A Certa server's address as given to <c>--server</c>: absolute http(s), or null.</summary>
    internal static Uri? ServerUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static async Task<int> UpdateCacheAsync(Uri server, string directory, CancellationToken ct)
    {
        var url = new Uri(server.GetLeftPart(UriPartial.Path).TrimEnd('/') + BundlePath);
        JsonObject? response;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var answer = await http.GetAsync(url, ct);
            if (!answer.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"certa: {url} answered {(int)answer.StatusCode} {answer.ReasonPhrase}; the cache is unchanged.");
                return ExitCodes.Environment;
            }

            response = JsonNode.Parse(await answer.Content.ReadAsStringAsync(ct)) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            await Console.Error.WriteLineAsync($"certa: cannot fetch {url}: {e.Message}; the cache is unchanged.");
            return ExitCodes.Environment;
        }

        var import = response is null
            ? new BundleImport(null, [], [], [$"{url} did not answer with a JSON object."])
            : BundleImporter.Read(response, server.GetLeftPart(UriPartial.Path).TrimEnd('/'), TimeProvider.System.GetUtcNow());
        if (import.Bundle is not { } bundle)
        {
            await Console.Error.WriteLineAsync($"certa: the verification bundle from {url} was refused; the cache is unchanged:");
            foreach (var problem in import.Problems)
            {
                await Console.Error.WriteLineAsync($"  {problem}");
            }

            return ExitCodes.DataRefused;
        }

        var path = bundle.Save(directory);
        Console.WriteLine($"Cached the verification bundle of {bundle.Server} in {path}:");
        foreach (var body in import.BodyIds)
        {
            var lists = import.Lists.Where(l => l.BodyId == body).Select(l => $"{CredentialStatusEntry.NameOf(l.Purpose)} {l.SetBits} set of {l.Bits}");
            Console.WriteLine($"  {body}: DID document; lists: {string.Join(", ", lists.DefaultIfEmpty("none"))}");
        }

        Console.WriteLine($"{import.BodyIds.Count} body(ies), {import.Lists.Count} signed status list(s) verified{(bundle.Sth is null ? "" : ", and the transparency log's tree head")}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> VerifyAsync(FileInfo file, string directory, bool asJson, CancellationToken ct)
    {
        VerificationBundle? bundle;
        try
        {
            bundle = VerificationBundle.Load(directory);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"certa: the verification cache in {directory} is unreadable ({e.Message}); run 'certa verify --update-cache --server URL'.");
            return ExitCodes.Environment;
        }

        if (bundle is null)
        {
            await Console.Error.WriteLineAsync($"certa: no verification cache in {directory}; run 'certa verify --update-cache --server URL' first (once, online).");
            return ExitCodes.Environment;
        }

        var bytes = await File.ReadAllBytesAsync(file.FullName, ct);
        if (CredentialJson(file.Name, bytes) is not { } credentialJson)
        {
            await Console.Error.WriteLineAsync($"certa: {file.Name} is a PDF without an embedded credential (no JSON attachment).");
            return ExitCodes.Usage;
        }

        var result = OfflineVerifier.Verify(credentialJson, bundle, TimeProvider.System.GetUtcNow());
        Console.WriteLine(asJson ? JsonSerializer.Serialize(result, JsonOutput) : Describe(result));
        return result.Verified ? ExitCodes.Ok : ExitCodes.NotVerified;
    }

    /// <summary>The credential's JSON: the file itself, or from a PDF the embedded JSON file (a VC media type first).</summary>
    private static string? CredentialJson(string name, byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("%PDF"u8))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        IReadOnlyList<PdfAttachment> attachments;
        try
        {
            attachments = PdfAttachments.Extract(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw new IOException($"{name} cannot be read as a PDF: {e.Message}", e);
        }

        return attachments
            .Where(a => a.MimeType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || a.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.MimeType?.StartsWith("application/vc", StringComparison.OrdinalIgnoreCase) == true)
            .Select(a => Encoding.UTF8.GetString(a.Content))
            .FirstOrDefault();
    }

    private static string Describe(OfflineVerification result)
    {
        var lines = new List<string>();
        var c = result.Certificate;
        var what = c?.Number is { } number ? $"Certificate {number}" + (c.Version is { } v ? $" (version {v})" : "") : "Credential";
        lines.Add($"{(result.Verified ? "✓" : "✗")} {what}: {(result.Verified ? "VERIFIED" : "NOT VERIFIED")}");
        if (c is not null)
        {
            lines.Add($"  Holder: {c.Holder ?? "(not stated)"}");
            lines.Add($"  Body:   {c.Body ?? "(not stated)"} ({c.Issuer ?? "no issuer"})");
        }

        foreach (var check in result.Checks)
        {
            var mark = check.Outcome switch
            {
                CheckOutcome.Passed => "✓",
                CheckOutcome.Warning => "!",
                CheckOutcome.Failed => "✗",
            };
            lines.Add($"  {mark} {check.Code}: {check.Message}");
        }

        lines.Add($"Checked offline against the cache of {result.Server} fetched {result.BundleFetchedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z.");
        return string.Join(System.Environment.NewLine, lines);
    }
}
