namespace Certa.Domain.Tests.Transparency;

public static class ProofMutations
{
    /// <summary>One copy of the proof per hash in it, with bit <paramref name="bit"/> (0..255) of that hash flipped.</summary>
    public static IEnumerable<byte[][]> EachWithABitFlipped(IReadOnlyList<byte[]> proof, int bit = 3)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            var copy = proof.Select(hash => hash.ToArray()).ToArray();
            copy[i][bit / 8] ^= (byte)(1 << (bit % 8));
            yield return copy;
        }
    }
}
