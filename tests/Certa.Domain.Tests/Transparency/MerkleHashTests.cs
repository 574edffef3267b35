using System.Security.Cryptography;
using System.Text;
using Certa.Infrastructure.Transparency.Merkle;
using CsCheck;

namespace Certa.Domain.Tests.Transparency;

public class MerkleHashTests
{
    // transparency-dev/merkle, rfc6962/rfc6962_test.go, TestRFC6962Hasher.
    [Fact]
    public void EmptyRoot_IsTheHashOfTheEmptyString()
    {
        Convert.ToHexStringLower(MerkleHash.EmptyRoot).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        MerkleHash.EmptyRoot.ToArray().ShouldBe(SHA256.HashData([]));
    }

    [Theory]
    [InlineData("", "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData("L123456", "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56")]
    public void LeafHash_PublishedVectors_Match(string leaf, string expected) =>
        Convert.ToHexStringLower(MerkleHash.LeafHash(Encoding.ASCII.GetBytes(leaf))).ShouldBe(expected);

    [Fact]
    public void NodeHash_PublishedVector_Matches() =>
        Convert.ToHexStringLower(MerkleHash.NodeHash("N123"u8, "N456"u8))
            .ShouldBe("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");

    [Fact]
    public void NodeHash_IntoOneOfItsInputs_HashesTheInputsAsTheyWere()
    {
        var left = MerkleHash.LeafHash("left"u8);
        var right = MerkleHash.LeafHash("right"u8);
        var expected = ReferenceMerkle.Node(left, right);

        var intoLeft = left.ToArray();
        MerkleHash.NodeHash(intoLeft, right, intoLeft);
        var intoRight = right.ToArray();
        MerkleHash.NodeHash(left, intoRight, intoRight);

        intoLeft.ShouldBe(expected);
        intoRight.ShouldBe(expected);
    }

    [Fact]
    public void LeafAndNodeHash_AnyInput_MatchTheRfcDefinitions() =>
        Gen.Select(Gen.Byte.Array[0, 200], Gen.Byte.Array[32], Gen.Byte.Array[32]).Sample((leaf, left, right) =>
        {
            MerkleHash.LeafHash(leaf).ShouldBe(ReferenceMerkle.Leaf(leaf));
            MerkleHash.NodeHash(left, right).ShouldBe(ReferenceMerkle.Node(left, right));
        });

    [Fact]
    public void NodeHash_OfTwoLeafHashes_IsNotTheLeafHashOfTheirConcatenation()
    {
        var left = MerkleHash.LeafHash("Hello"u8);
        var right = MerkleHash.LeafHash("World"u8);

        MerkleHash.NodeHash(left, right).ShouldNotBe(MerkleHash.LeafHash([.. left, .. right]));
        MerkleHash.NodeHash(left, right).ShouldNotBe(MerkleHash.NodeHash(right, left));
    }
}
