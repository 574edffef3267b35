using Certa.Infrastructure.Transparency.Merkle;

namespace Certa.Domain.Tests.Transparency;

public class MemoryMerkleStoreTests
{
    [Fact]
    public void Append_ReturnsTheLeafAndEachParentItCompletes()
    {
        var leaves = MerkleStores.DistinctLeaves(8, seed: 1);
        var store = new MemoryMerkleStore();

        var completed = leaves.Select(leaf => store.Append(leaf)).ToArray();

        completed.Select(nodes => string.Join(' ', nodes.Select(n => $"{n.Level}.{n.Index}"))).ShouldBe(
        [
            "0.0",
            "0.1 1.0",
            "0.2",
            "0.3 1.1 2.0",
            "0.4",
            "0.5 1.2",
            "0.6",
            "0.7 1.3 2.1 3.0",
        ]);
        completed.SelectMany(nodes => nodes).ShouldAllBe(n => n.Hash.SequenceEqual(store.Node(n.Level, n.Index)));
        store.Node(3, 0).ShouldBe(ReferenceMerkle.Mth(leaves, 0, 8));
        store.Size.ShouldBe(8);
    }

    [Fact]
    public void Append_CopiesTheLeafHash()
    {
        var leaf = MerkleHash.LeafHash("leaf"u8);
        var store = new MemoryMerkleStore();

        var returned = store.Append(leaf)[0].Hash;
        leaf[0] ^= 1;

        returned.ShouldNotBe(leaf);
        store.Node(0, 0).ShouldBe(returned);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(63, 0)]
    public void Node_NotCompleteYet_IsRefused(int level, long index)
    {
        var store = MerkleStores.From(MerkleStores.DistinctLeaves(3, seed: 2));

        Should.Throw<ArgumentOutOfRangeException>(() => store.Node(level, index));
    }

    [Fact]
    public void Append_HashOfTheWrongLength_IsRefused()
    {
        var store = new MemoryMerkleStore();

        Should.Throw<ArgumentException>(() => store.Append(new byte[31])).Message.ShouldContain("31");
        store.Size.ShouldBe(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1000)]
    public void Append_BeyondOrWithinCapacity_KeepsEveryNode(long capacity)
    {
        var leaves = MerkleStores.DistinctLeaves(300, seed: 3);
        var store = new MemoryMerkleStore(capacity);

        foreach (var leaf in leaves)
        {
            store.Append(leaf);
        }

        store.Node(0, 299).ShouldBe(leaves[299]);
        store.Node(8, 0).ShouldBe(ReferenceMerkle.Mth(leaves, 0, 256));
        store.Node(5, 8).ShouldBe(ReferenceMerkle.Mth(leaves, 256, 288));
    }
}
