using System.Numerics;
using Certa.Infrastructure.Transparency.Merkle;
using CsCheck;

namespace Certa.Domain.Tests.Transparency;

public class PrefetchedMerkleNodesTests
{
    [Fact]
    public void Proofs_FromOnlyTheNeededNodes_MatchTheStoreAndReadOLogNNodes() =>
        Gen.Int[2, 3000].SelectMany(size => Gen.Select(Gen.Int[0, size - 1], Gen.Int[1, size]).Select((leaf, first) => (size, leaf, first))).Sample((size, leafIndex, firstSize) =>
        {
            var store = MerkleStores.From(MerkleStores.DistinctLeaves(size, seed: size));
            // Two reads a level at most: a proof hash, or the perfect parts of one right-edge subtree.
            var bound = 2 * (BitOperations.Log2((uint)size) + 1);

            var inclusion = Prefetched(store, size, reader => MerkleTree.InclusionProof(reader, leafIndex, size), bound);
            var consistency = Prefetched(store, size, reader => MerkleTree.ConsistencyProof(reader, firstSize, size), bound);
            var root = Prefetched(store, size, reader => MerkleTree.Root(reader, firstSize), bound);

            MerkleTree.InclusionProof(inclusion, leafIndex, size).ShouldBe(MerkleTree.InclusionProof(store, leafIndex, size));
            MerkleTree.ConsistencyProof(consistency, firstSize, size).ShouldBe(MerkleTree.ConsistencyProof(store, firstSize, size));
            MerkleTree.Root(root, firstSize).ShouldBe(MerkleTree.Root(store, firstSize));
        });

    [Fact]
    public void Node_NotFetched_IsRefusedWithItsCoordinates()
    {
        var reader = new PrefetchedMerkleNodes(8, [new MerkleNode(3, 0, new byte[MerkleHash.Size])]);

        MerkleTree.Root(reader, 8).ShouldBe(new byte[MerkleHash.Size]);
        Should.Throw<KeyNotFoundException>(() => MerkleTree.Root(reader, 7)).Message.ShouldContain("(0, 6)");
    }

    [Fact]
    public void Needed_NodeBeyondTheTree_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PrefetchedMerkleNodes.Needed(3, reader => reader.Node(1, 1)));

    private static PrefetchedMerkleNodes Prefetched(MemoryMerkleStore store, long size, Action<IMerkleNodeReader> algorithm, int bound)
    {
        var needed = PrefetchedMerkleNodes.Needed(size, algorithm);
        needed.Count.ShouldBeLessThanOrEqualTo(bound);
        return new PrefetchedMerkleNodes(size, needed.Select(id => new MerkleNode(id.Level, id.Index, store.Node(id.Level, id.Index))));
    }
}
