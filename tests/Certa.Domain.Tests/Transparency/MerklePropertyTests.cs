using Certa.Infrastructure.Transparency.Merkle;
using CsCheck;

namespace Certa.Domain.Tests.Transparency;

/// <summary>
/// The store-based algorithms against <see cref="ReferenceMerkle"/> on random trees of up to 2000 leaves, always
/// at a tree size at or below the stored one, so historical tree heads are covered as much as the latest.
/// </summary>
public class MerklePropertyTests
{
    // (stored leaves, seed, tree size ≤ stored, a leaf or first size within the tree size, another one, a bit to flip)
    private static readonly Gen<(int Stored, int Seed, int Size, int Inner, int OtherInner, int OtherSize, int Bit)> Cases =
        Gen.Int[1, 2000].SelectMany(stored => Gen.Int[1, stored].SelectMany(size =>
            Gen.Select(Gen.Int, Gen.Int[0, size - 1], Gen.Int[0, size - 1], Gen.Int[1, stored], Gen.Int[0, 255])
                .Select((seed, inner, otherInner, otherSize, bit) => (stored, seed, size, inner, otherInner, otherSize, bit))));

    [Fact]
    public void Root_AnyTreeSize_MatchesTheReference() =>
        Cases.Sample(c =>
        {
            var leaves = MerkleStores.DistinctLeaves(c.Stored, c.Seed);
            var store = MerkleStores.From(leaves);

            MerkleTree.Root(store, c.Size).ShouldBe(ReferenceMerkle.Mth(leaves, 0, c.Size));
            MerkleTree.Root(store, c.Stored).ShouldBe(ReferenceMerkle.Mth(leaves, 0, c.Stored));
        });

    [Fact]
    public void InclusionProof_AnyLeafAndTreeSize_MatchesTheReferenceAndVerifiesOnlyAsGiven() =>
        Cases.Sample(c =>
        {
            var leaves = MerkleStores.DistinctLeaves(c.Stored, c.Seed);
            var store = MerkleStores.From(leaves);
            var (index, size) = ((long)c.Inner, (long)c.Size);
            var root = MerkleTree.Root(store, size);
            var proof = MerkleTree.InclusionProof(store, index, size);

            proof.ShouldBe(ReferenceMerkle.Path(leaves, c.Inner, c.Size));
            MerkleVerifier.VerifyInclusion(leaves[index], index, size, proof, root).ShouldBeTrue();
            foreach (var flipped in ProofMutations.EachWithABitFlipped(proof, c.Bit))
            {
                MerkleVerifier.VerifyInclusion(leaves[index], index, size, flipped, root).ShouldBeFalse();
            }

            if (c.OtherInner != c.Inner)
            {
                MerkleVerifier.VerifyInclusion(leaves[index], c.OtherInner, size, proof, root).ShouldBeFalse();
                MerkleVerifier.VerifyInclusion(leaves[c.OtherInner], index, size, proof, root).ShouldBeFalse();
            }

            if (c.OtherSize != c.Size)
            {
                MerkleVerifier.VerifyInclusion(leaves[index], index, c.OtherSize, proof, MerkleTree.Root(store, c.OtherSize)).ShouldBeFalse();
            }

            // As for consistency: a wrong size with the same root is caught by the path's shape, checked by these probes.
            MerkleVerifier.VerifyInclusion(leaves[index], index, size * 2, proof, root).ShouldBeFalse();
            MerkleVerifier.VerifyInclusion(leaves[index], index, size / 2, proof, root).ShouldBeFalse();
            MerkleVerifier.VerifyInclusion(leaves[index], index, size, proof, Flip(root, c.Bit)).ShouldBeFalse();
        });

    [Fact]
    public void ConsistencyProof_AnyTwoTreeSizes_MatchesTheReferenceAndVerifiesOnlyAsGiven() =>
        Cases.Sample(c =>
        {
            var leaves = MerkleStores.DistinctLeaves(c.Stored, c.Seed);
            var store = MerkleStores.From(leaves);
            var (first, second) = ((long)c.Inner + 1, (long)c.Size);
            var (firstRoot, secondRoot) = (MerkleTree.Root(store, first), MerkleTree.Root(store, second));
            var proof = MerkleTree.ConsistencyProof(store, first, second);

            proof.ShouldBe(ReferenceMerkle.Proof(leaves, c.Inner + 1, c.Size));
            MerkleVerifier.VerifyConsistency(first, second, firstRoot, secondRoot, proof).ShouldBeTrue();
            if (first == second)
            {
                return;
            }

            foreach (var flipped in ProofMutations.EachWithABitFlipped(proof, c.Bit))
            {
                MerkleVerifier.VerifyConsistency(first, second, firstRoot, secondRoot, flipped).ShouldBeFalse();
            }

            var otherFirst = c.OtherInner + 1L;
            if (otherFirst != first)
            {
                MerkleVerifier.VerifyConsistency(otherFirst, second, MerkleTree.Root(store, otherFirst), secondRoot, proof).ShouldBeFalse();
            }

            if (c.OtherSize != second && c.OtherSize >= first)
            {
                MerkleVerifier.VerifyConsistency(first, c.OtherSize, firstRoot, MerkleTree.Root(store, c.OtherSize), proof).ShouldBeFalse();
            }

            // A size alone is bound only through the shape of the path (the signed tree head binds it to its root),
            // so these are the probes transparency-dev/merkle makes, not any size.
            MerkleVerifier.VerifyConsistency(first - 1, second, firstRoot, secondRoot, proof).ShouldBeFalse();
            MerkleVerifier.VerifyConsistency(first + 1, second, firstRoot, secondRoot, proof).ShouldBeFalse();
            MerkleVerifier.VerifyConsistency(first, second * 2, firstRoot, secondRoot, proof).ShouldBeFalse();
            MerkleVerifier.VerifyConsistency(first, second / 2, firstRoot, secondRoot, proof).ShouldBeFalse();
            MerkleVerifier.VerifyConsistency(first, second, secondRoot, firstRoot, proof).ShouldBeFalse();
            MerkleVerifier.VerifyConsistency(first, second, Flip(firstRoot, c.Bit), secondRoot, proof).ShouldBeFalse();
            MerkleVerifier.VerifyConsistency(first, second, firstRoot, Flip(secondRoot, c.Bit), proof).ShouldBeFalse();
        });

    private static byte[] Flip(byte[] hash, int bit)
    {
        var copy = hash.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
