using System.Diagnostics;
using Certa.Infrastructure.Transparency.Merkle;

namespace Certa.Bench;

/// <summary>
/// The transparency log's Merkle tree in memory: append N synthetic leaves, then time inclusion proofs, consistency
/// proofs, historical roots and client-side verification against the full tree, one call at a time on one thread.
/// Run: <c>dotnet run -c Release --project bench/Certa.Bench -- merkle [leaves]</c>.
/// </summary>
internal static class MerkleLoad
{
    private const int InclusionProofs = 100_000;
    private const int ConsistencyProofs = 10_000;
    private const int Roots = 10_000;

    public static void Run(long leaves)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leaves, 2);
        var random = new Random(9162);
        Console.WriteLine($"merkle: {leaves:N0} leaves, processors: {Environment.ProcessorCount}");

        // Warm up on a small tree so the timed loops run optimised code.
        Exercise(Fill(100_000), random, TimeSpan.FromSeconds(2));

        var append = Stopwatch.StartNew();
        var store = Fill(leaves);
        append.Stop();
        var memory = Environment.WorkingSet;

        var size = store.Size;
        var root = MerkleTree.Root(store, size);
        var indexes = Enumerable.Range(0, InclusionProofs).Select(_ => random.NextInt64(size)).ToArray();
        var inclusion = new IReadOnlyList<byte[]>[InclusionProofs];
        var proveInclusion = Time(InclusionProofs, i => inclusion[i] = MerkleTree.InclusionProof(store, indexes[i], size));

        var firstSizes = Enumerable.Range(0, ConsistencyProofs).Select(_ => 1 + random.NextInt64(size - 1)).ToArray();
        var consistency = new IReadOnlyList<byte[]>[ConsistencyProofs];
        var proveConsistency = Time(ConsistencyProofs, i => consistency[i] = MerkleTree.ConsistencyProof(store, firstSizes[i], size));

        var firstRoots = new byte[ConsistencyProofs][];
        var historicalRoots = Time(Roots, i => firstRoots[i] = MerkleTree.Root(store, firstSizes[i]));

        var failures = 0;
        var leafHash = new byte[MerkleHash.Size];
        var verifyInclusion = Time(InclusionProofs, i =>
        {
            Leaf(indexes[i], leafHash);
            failures += MerkleVerifier.VerifyInclusion(leafHash, indexes[i], size, inclusion[i], root) ? 0 : 1;
        });
        var verifyConsistency = Time(ConsistencyProofs, i =>
            failures += MerkleVerifier.VerifyConsistency(firstSizes[i], size, firstRoots[i], root, consistency[i]) ? 0 : 1);

        Console.WriteLine($"append (leaf hash + node hashes): {leaves / append.Elapsed.TotalSeconds:N0} appends/s, " +
            $"{append.Elapsed.TotalSeconds:F1} s in all, working set {memory / (1024 * 1024):N0} MB");
        Console.WriteLine($"proof sizes at {size:N0} leaves: inclusion {inclusion.Average(p => p.Count):F1} hashes, " +
            $"consistency {consistency.Average(p => p.Count):F1} hashes");
        Console.WriteLine("| operation | count | mean µs | p50 µs | p99 µs | max µs | per second |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        proveInclusion.Print("inclusion proof");
        proveConsistency.Print("consistency proof");
        historicalRoots.Print("root at a past size");
        verifyInclusion.Print("verify inclusion (with leaf hash)");
        verifyConsistency.Print("verify consistency");
        Console.WriteLine(failures == 0 ? "all proofs verified" : $"{failures} proofs FAILED to verify");
    }

    private static MemoryMerkleStore Fill(long leaves)
    {
        var store = new MemoryMerkleStore();
        Span<byte> leafHash = stackalloc byte[MerkleHash.Size];
        for (long i = 0; i < leaves; i++)
        {
            Leaf(i, leafHash);
            store.Append(leafHash);
        }

        return store;
    }

    private static void Leaf(long index, Span<byte> leafHash)
    {
        Span<byte> entry = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(entry, index);
        MerkleHash.LeafHash(entry, leafHash);
    }

    private static void Exercise(MemoryMerkleStore store, Random random, TimeSpan duration)
    {
        var size = store.Size;
        var root = MerkleTree.Root(store, size);
        var leafHash = new byte[MerkleHash.Size];
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < duration;)
        {
            var index = random.NextInt64(size);
            var first = 1 + random.NextInt64(size - 1);
            Leaf(index, leafHash);
            MerkleVerifier.VerifyInclusion(leafHash, index, size, MerkleTree.InclusionProof(store, index, size), root);
            MerkleVerifier.VerifyConsistency(
                first, size, MerkleTree.Root(store, first), root, MerkleTree.ConsistencyProof(store, first, size));
        }
    }

    private static Timings Time(int count, Action<int> operation)
    {
        var ticks = new long[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            operation(i);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        return new Timings(ticks);
    }

    private sealed record Timings(long[] SortedTicks)
    {
        public void Print(string operation)
        {
            var mean = Micros(SortedTicks.Average());
            Console.WriteLine($"| {operation} | {SortedTicks.Length:N0} | {mean:F2} | {At(0.50):F2} | {At(0.99):F2} | " +
                $"{Micros(SortedTicks[^1]):F1} | {1_000_000 / mean:N0} |");
        }

        private double At(double quantile) => Micros(SortedTicks[(int)Math.Min(SortedTicks.Length - 1, quantile * SortedTicks.Length)]);

        private static double Micros(double ticks) => ticks * 1_000_000 / Stopwatch.Frequency;
    }
}
