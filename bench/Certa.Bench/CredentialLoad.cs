using System.Diagnostics;
using Certa.Infrastructure.Credentials;
using Certa.Testing;

namespace Certa.Bench;

/// <summary>
/// Certificate credentials end to end: build the VC from the facts and sign it (eddsa-jcs-2022), then verify the
/// signed credentials, on one thread and in parallel on two cores.
/// Run: <c>dotnet run -c Release --project bench/Certa.Bench -- credentials [count]</c>.
/// </summary>
public static class CredentialLoad
{
    public static void Run(int count)
    {
        var key = Ed25519.Generate();
        var facts = Enumerable.Range(0, count).Select(i => SampleCertificate.Facts($"2026010901{i:D6}")).ToArray();
        var created = DateTimeOffset.UtcNow;
        byte[]? Resolve(string method) => method == SampleCertificate.VerificationMethod ? key.PublicKey : null;
        System.Text.Json.Nodes.JsonObject Sign(int i) => DataIntegrityProof.Sign(
            CertificateCredential.Build(facts[i], SampleCertificate.Issuer, SampleCertificate.Status),
            key.PrivateSeed, SampleCertificate.VerificationMethod, created);

        // Warm up: tiered compilation settles on optimised code after a second or two.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < TimeSpan.FromSeconds(2); i = (i + 1) % count)
        {
            DataIntegrityProof.Verify(Sign(i), Resolve);
        }

        var signed = new System.Text.Json.Nodes.JsonObject[count];
        var sign = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            signed[i] = Sign(i);
        }

        sign.Stop();
        var verify = Stopwatch.StartNew();
        var failures = signed.Count(c => !DataIntegrityProof.Verify(c, Resolve).Verified);
        verify.Stop();

        var twoCores = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        var parallelSign = Stopwatch.StartNew();
        Parallel.For(0, count, twoCores, i => signed[i] = Sign(i));
        parallelSign.Stop();
        var parallelVerify = Stopwatch.StartNew();
        Parallel.For(0, count, twoCores, i =>
        {
            if (!DataIntegrityProof.Verify(signed[i], Resolve).Verified)
            {
                Interlocked.Increment(ref failures);
            }
        });
        parallelVerify.Stop();

        Console.WriteLine($"credentials: {count}, processors: {Environment.ProcessorCount}, bytes per signed credential: {signed[0].ToJsonString().Length}");
        Console.WriteLine($"build+sign, 1 thread:  {count / sign.Elapsed.TotalSeconds:F0}/s ({sign.Elapsed.TotalMicroseconds / count:F0} µs each)");
        Console.WriteLine($"verify,     1 thread:  {count / verify.Elapsed.TotalSeconds:F0}/s ({verify.Elapsed.TotalMicroseconds / count:F0} µs each)");
        Console.WriteLine($"build+sign, 2 cores:   {count / parallelSign.Elapsed.TotalSeconds:F0}/s");
        Console.WriteLine($"verify,     2 cores:   {count / parallelVerify.Elapsed.TotalSeconds:F0}/s");
        Console.WriteLine(failures == 0 ? "all verified" : $"{failures} FAILED to verify");
    }
}
