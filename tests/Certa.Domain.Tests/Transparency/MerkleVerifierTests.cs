using Certa.Infrastructure.Transparency.Merkle;

namespace Certa.Domain.Tests.Transparency;

public class MerkleVerifierTests
{
    private static readonly byte[] SomeHash = Convert.FromHexString("abacaba000000000000000000000000000000000000000000060061e00123456");

    [Theory]
    [MemberData(nameof(MerkleTestVectors.InclusionProofs), MemberType = typeof(MerkleTestVectors))]
    public void VerifyInclusion_PublishedVectors_Hold(long leafIndex, long treeSize, string[] proof)
    {
        var leafHash = MerkleHash.LeafHash(MerkleTestVectors.Leaves[leafIndex]);

        MerkleVerifier.VerifyInclusion(leafHash, leafIndex, treeSize, MerkleTestVectors.Hashes(proof), MerkleTestVectors.Root(treeSize))
            .ShouldBeTrue();
    }

    // The probes of transparency-dev/merkle, proof/verify_test.go, corruptInclusionProof.
    [Theory]
    [MemberData(nameof(MerkleTestVectors.InclusionProofs), MemberType = typeof(MerkleTestVectors))]
    public void VerifyInclusion_CorruptedPublishedVectors_Fail(long leafIndex, long treeSize, string[] hex)
    {
        var leaf = MerkleHash.LeafHash(MerkleTestVectors.Leaves[leafIndex]);
        var root = MerkleTestVectors.Root(treeSize);
        var proof = MerkleTestVectors.Hashes(hex);
        bool Verify(long index, long size, byte[] leafHash, byte[][] path, byte[] rootHash) =>
            MerkleVerifier.VerifyInclusion(leafHash, index, size, path, rootHash);

        Verify(leafIndex - 1, treeSize, leaf, proof, root).ShouldBeFalse();
        Verify(leafIndex + 1, treeSize, leaf, proof, root).ShouldBeFalse();
        Verify(leafIndex ^ 2, treeSize, leaf, proof, root).ShouldBeFalse();
        Verify(leafIndex, treeSize * 2, leaf, proof, root).ShouldBeFalse();
        Verify(leafIndex, treeSize / 2, leaf, proof, root).ShouldBeFalse();
        Verify(leafIndex, treeSize, "WrongLeaf"u8.ToArray(), proof, root).ShouldBeFalse();
        Verify(leafIndex, treeSize, leaf, proof, MerkleHash.EmptyRoot.ToArray()).ShouldBeFalse();
        Verify(leafIndex, treeSize, leaf, proof, SomeHash).ShouldBeFalse();
        Verify(leafIndex, treeSize, leaf, [.. proof, []], root).ShouldBeFalse();
        Verify(leafIndex, treeSize, leaf, [.. proof, root], root).ShouldBeFalse();
        Verify(leafIndex, treeSize, leaf, [[], .. proof], root).ShouldBeFalse();
        Verify(leafIndex, treeSize, leaf, [root, .. proof], root).ShouldBeFalse();
        foreach (var flipped in ProofMutations.EachWithABitFlipped(proof))
        {
            Verify(leafIndex, treeSize, leaf, flipped, root).ShouldBeFalse();
        }

        if (proof.Length > 0)
        {
            Verify(leafIndex, treeSize, leaf, proof[..^1], root).ShouldBeFalse();
        }

        if (proof.Length > 1)
        {
            Verify(leafIndex, treeSize, leaf, [proof[0], SomeHash, .. proof[1..]], root).ShouldBeFalse();
        }
    }

    [Theory]
    [MemberData(nameof(MerkleTestVectors.ConsistencyProofs), MemberType = typeof(MerkleTestVectors))]
    public void VerifyConsistency_PublishedVectors_Hold(long firstSize, long secondSize, string[] proof) =>
        MerkleVerifier.VerifyConsistency(
            firstSize, secondSize, MerkleTestVectors.Root(firstSize), MerkleTestVectors.Root(secondSize), MerkleTestVectors.Hashes(proof))
            .ShouldBeTrue();

    // The probes of transparency-dev/merkle, proof/verify_test.go, corruptConsistencyProof.
    [Theory]
    [MemberData(nameof(MerkleTestVectors.ConsistencyProofs), MemberType = typeof(MerkleTestVectors))]
    public void VerifyConsistency_CorruptedPublishedVectors_Fail(long firstSize, long secondSize, string[] hex)
    {
        var proof = MerkleTestVectors.Hashes(hex);
        if (proof.Length == 0)
        {
            return;
        }

        var first = MerkleTestVectors.Root(firstSize);
        var second = MerkleTestVectors.Root(secondSize);
        bool Verify(long size1, long size2, byte[] root1, byte[] root2, byte[][] path) =>
            MerkleVerifier.VerifyConsistency(size1, size2, root1, root2, path);

        Verify(firstSize - 1, secondSize, first, second, proof).ShouldBeFalse();
        Verify(firstSize + 1, secondSize, first, second, proof).ShouldBeFalse();
        Verify(firstSize ^ 2, secondSize, first, second, proof).ShouldBeFalse();
        Verify(firstSize, secondSize * 2, first, second, proof).ShouldBeFalse();
        Verify(firstSize, secondSize / 2, first, second, proof).ShouldBeFalse();
        Verify(firstSize, secondSize, "WrongRoot"u8.ToArray(), second, proof).ShouldBeFalse();
        Verify(firstSize, secondSize, first, "WrongRoot"u8.ToArray(), proof).ShouldBeFalse();
        Verify(firstSize, secondSize, second, first, proof).ShouldBeFalse();
        Verify(firstSize, secondSize, first, second, []).ShouldBeFalse();
        Verify(firstSize, secondSize, first, second, [.. proof, []]).ShouldBeFalse();
        Verify(firstSize, secondSize, first, second, [.. proof, first]).ShouldBeFalse();
        Verify(firstSize, secondSize, first, second, [.. proof, second]).ShouldBeFalse();
        Verify(firstSize, secondSize, first, second, [[], .. proof]).ShouldBeFalse();
        Verify(firstSize, secondSize, first, second, [first, .. proof]).ShouldBeFalse();
        Verify(firstSize, secondSize, first, second, [second, .. proof]).ShouldBeFalse();
        Verify(firstSize, secondSize, first, second, [proof[0], .. proof]).ShouldBeFalse();
        Verify(firstSize, secondSize, first, second, proof[..^1]).ShouldBeFalse();
        foreach (var flipped in ProofMutations.EachWithABitFlipped(proof))
        {
            Verify(firstSize, secondSize, first, second, flipped).ShouldBeFalse();
        }
    }

    [Fact]
    public void VerifyInclusion_SingleLeafTree_NeedsTheLeafToBeTheRoot()
    {
        var hash = MerkleHash.LeafHash("data"u8);

        MerkleVerifier.VerifyInclusion(hash, 0, 1, [], hash).ShouldBeTrue();
        MerkleVerifier.VerifyInclusion(hash, 0, 1, [], []).ShouldBeFalse();
        MerkleVerifier.VerifyInclusion([], 0, 1, [], hash).ShouldBeFalse();
        MerkleVerifier.VerifyInclusion([], 0, 1, [], []).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(-1, 1)]
    [InlineData(0, -1)]
    [InlineData(long.MaxValue, long.MinValue)]
    public void VerifyInclusion_LeafOutsideTheTreeOrBadHashes_Fails(long leafIndex, long treeSize)
    {
        MerkleVerifier.VerifyInclusion(SomeHash, leafIndex, treeSize, [], []).ShouldBeFalse();
        MerkleVerifier.VerifyInclusion([], leafIndex, treeSize, [], MerkleHash.EmptyRoot).ShouldBeFalse();
        MerkleVerifier.VerifyInclusion(SomeHash, leafIndex, treeSize, [], MerkleHash.EmptyRoot).ShouldBeFalse();
    }

    [Fact]
    public void Verify_NullProofOrNullHashInIt_Fails()
    {
        var leaf = MerkleHash.LeafHash(MerkleTestVectors.Leaves[0]);
        var root = MerkleTestVectors.Root(2);
        var second = MerkleHash.LeafHash(MerkleTestVectors.Leaves[1]);

        MerkleVerifier.VerifyInclusion(leaf, 0, 2, [second], root).ShouldBeTrue();
        MerkleVerifier.VerifyInclusion(leaf, 0, 2, null, root).ShouldBeFalse();
        MerkleVerifier.VerifyInclusion(leaf, 0, 2, [null!], root).ShouldBeFalse();
        MerkleVerifier.VerifyConsistency(1, 2, leaf, root, [second]).ShouldBeTrue();
        MerkleVerifier.VerifyConsistency(1, 2, leaf, root, null).ShouldBeFalse();
        MerkleVerifier.VerifyConsistency(1, 2, leaf, root, [null!]).ShouldBeFalse();
    }

    [Fact]
    public void VerifyInclusion_ProofFarLongerThanAnyTree_Fails()
    {
        var leaf = MerkleHash.LeafHash(MerkleTestVectors.Leaves[0]);

        MerkleVerifier.VerifyInclusion(leaf, 0, 8, [.. Enumerable.Repeat(SomeHash, 100_000)], MerkleTestVectors.Root(8))
            .ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, 0, true, true)]
    [InlineData(3, 3, true, true)]
    [InlineData(3, 3, false, false)]
    [InlineData(0, 5, true, true)]
    [InlineData(0, 5, false, false)]
    public void VerifyConsistency_EmptyOrEqualFirstTree_NeedsNoProofAndTheRightRoot(long firstSize, long secondSize, bool rightRoot, bool expected)
    {
        var second = secondSize == 0 ? MerkleHash.EmptyRoot.ToArray() : MerkleTestVectors.Root(secondSize);
        var first = !rightRoot ? SomeHash : firstSize == 0 ? MerkleHash.EmptyRoot.ToArray() : MerkleTestVectors.Root(firstSize);

        MerkleVerifier.VerifyConsistency(firstSize, secondSize, first, second, []).ShouldBe(expected);
        MerkleVerifier.VerifyConsistency(firstSize, secondSize, first, second, [MerkleHash.EmptyRoot.ToArray()]).ShouldBeFalse();
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(-1, 2)]
    [InlineData(1, 2)]
    [InlineData(long.MaxValue, long.MinValue)]
    public void VerifyConsistency_TimeTravelOrNoProof_Fails(long firstSize, long secondSize) =>
        MerkleVerifier.VerifyConsistency(firstSize, secondSize, SomeHash, SomeHash, []).ShouldBeFalse();
}
