using Certa.Infrastructure.Transparency.Merkle;

namespace Certa.Domain.Tests.Transparency;

public class MerkleTreeTests
{
    // All eight reference leaves are stored, so every size below 8 is a historical tree head.
    private static MemoryMerkleStore ReferenceStore() => MerkleStores.From(MerkleTestVectors.Leaves.Select(leaf => MerkleHash.LeafHash(leaf)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Root_PublishedVectors_Match(long treeSize) =>
        MerkleTree.Root(ReferenceStore(), treeSize).ShouldBe(MerkleTestVectors.Root(treeSize));

    [Fact]
    public void Root_OfNoLeaves_IsTheEmptyRoot() =>
        MerkleTree.Root(new MemoryMerkleStore(), 0).ShouldBe(MerkleHash.EmptyRoot.ToArray());

    [Theory]
    [MemberData(nameof(MerkleTestVectors.InclusionProofs), MemberType = typeof(MerkleTestVectors))]
    public void InclusionProof_PublishedVectors_Match(long leafIndex, long treeSize, string[] proof) =>
        MerkleTree.InclusionProof(ReferenceStore(), leafIndex, treeSize).ShouldBe(MerkleTestVectors.Hashes(proof));

    [Theory]
    [MemberData(nameof(MerkleTestVectors.ConsistencyProofs), MemberType = typeof(MerkleTestVectors))]
    public void ConsistencyProof_PublishedVectors_Match(long firstSize, long secondSize, string[] proof) =>
        MerkleTree.ConsistencyProof(ReferenceStore(), firstSize, secondSize).ShouldBe(MerkleTestVectors.Hashes(proof));

    // Which stored nodes make each proof, from transparency-dev/merkle, proof/proof_test.go (TestInclusion and
    // TestConsistency). "a+b" is a right-edge subtree: its nodes folded from the right, NodeHash(b, a).
    [Theory]
    [InlineData(1, 0, "")]
    [InlineData(2, 0, "0.1")]
    [InlineData(3, 1, "0.0 0.2")]
    [InlineData(7, 0, "0.1 1.1 0.6+1.2")]
    [InlineData(7, 3, "0.2 1.0 0.6+1.2")]
    [InlineData(7, 4, "0.5 0.6 2.0")]
    [InlineData(7, 6, "1.2 2.0")]
    [InlineData(5, 3, "0.2 1.0 0.4")]
    [InlineData(6, 4, "0.5 2.0")]
    [InlineData(15, 10, "0.11 1.4 0.14+1.6 3.0")]
    [InlineData(31, 24, "0.25 1.13 0.30+1.14 3.2 4.0")]
    [InlineData(95, 81, "0.80 1.41 2.21 0.94+1.46+2.22 4.4 6.0")]
    public void InclusionProof_IsMadeOfTheRfcSubtrees(long treeSize, long leafIndex, string nodes)
    {
        var store = MerkleStores.From(MerkleStores.DistinctLeaves(100, seed: 4));

        MerkleTree.InclusionProof(store, leafIndex, treeSize).ShouldBe(Subtrees(store, nodes));
    }

    [Theory]
    [InlineData(1, 2, "0.1")]
    [InlineData(1, 6, "0.1 1.1 1.2")]
    [InlineData(2, 8, "1.1 2.1")]
    [InlineData(3, 7, "0.2 0.3 1.0 0.6+1.2")]
    [InlineData(4, 7, "0.6+1.2")]
    [InlineData(5, 7, "0.4 0.5 0.6 2.0")]
    [InlineData(6, 7, "1.2 0.6 2.0")]
    [InlineData(7, 8, "0.6 0.7 1.2 2.0")]
    [InlineData(3, 3, "")]
    [InlineData(10, 15, "1.4 1.5 0.14+1.6 3.0")]
    [InlineData(24, 31, "3.2 0.30+1.14+2.6 4.0")]
    [InlineData(81, 95, "0.80 0.81 1.41 2.21 0.94+1.46+2.22 4.4 6.0")]
    public void ConsistencyProof_IsMadeOfTheRfcSubtrees(long firstSize, long secondSize, string nodes)
    {
        var store = MerkleStores.From(MerkleStores.DistinctLeaves(100, seed: 5));

        MerkleTree.ConsistencyProof(store, firstSize, secondSize).ShouldBe(Subtrees(store, nodes));
    }

    [Fact]
    public void ConsistencyProof_FromTheEmptyTree_IsEmpty() =>
        MerkleTree.ConsistencyProof(ReferenceStore(), 0, 5).ShouldBeEmpty();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 5)]
    [InlineData(5, 5)]
    [InlineData(0, 9)]
    public void InclusionProof_LeafOrSizeOutOfRange_IsRefused(long leafIndex, long treeSize) =>
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(ReferenceStore(), leafIndex, treeSize));

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(6, 5)]
    [InlineData(1, 9)]
    public void ConsistencyProof_SizesOutOfOrderOrBeyondTheStore_AreRefused(long firstSize, long secondSize) =>
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(ReferenceStore(), firstSize, secondSize));

    [Fact]
    public void Root_BeyondTheStore_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.Root(ReferenceStore(), 9)).Message.ShouldContain("9");

    private static byte[][] Subtrees(MemoryMerkleStore store, string nodes) =>
    [
        .. nodes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(subtree => subtree
            .Split('+')
            .Select(node => node.Split('.'))
            .Select(parts => store.Node(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)))
            .Aggregate((right, left) => ReferenceMerkle.Node(left, right))),
    ];
}
