using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// MinHash signatures of a document's word shingles. Rules:
/// <list type="bullet">
/// <item>words are the normalized forms (<see cref="Layers.Normalized"/>) of the word, number and Latin tokens, so
/// spelling variants of hamza, ta marbuta and digits do not hide a copy; punctuation is ignored;</item>
/// <item>a shingle is <c>k</c> consecutive words, hashed to 64 bits from its words' hashes;</item>
/// <item>hash function <c>i</c> is a 64-bit mix of the shingle hash with seed <c>i</c>; the signature keeps the
/// minimum of each function's upper 32 bits over all shingles, so equal positions estimate the Jaccard similarity.</item>
/// </list>
/// Stateless apart from its seeds: one instance serves many threads.
/// </summary>
public sealed class MinHasher
{
    private readonly ulong[] _seeds;
    private readonly int _shingleSize;

    public MinHasher(int hashCount, int shingleSize)
    {
        _shingleSize = shingleSize;
        _seeds = new ulong[hashCount];
        var state = 0x5EED_1234_ABCD_0001UL;
        for (var i = 0; i < hashCount; i++)
        {
            state = Mix(state + 0x9E3779B97F4A7C15UL);
            _seeds[i] = state;
        }
    }

    public int HashCount => _seeds.Length;

    /// <summary>The signature, or null when the document has fewer than <paramref name="minShingles"/> shingles.</summary>
    public uint[]? Signature(Document document, int minShingles)
    {
        if (!document.TryGet(Layers.Normalized, out var normalized) || !document.TryGet(Layers.Tokens, out var tokens))
        {
            return null;
        }

        var words = WordHashes(normalized.Text, tokens);
        var shingleCount = words.Length - _shingleSize + 1;
        if (shingleCount < Math.Max(1, minShingles))
        {
            return null;
        }

        var signature = new uint[_seeds.Length];
        Array.Fill(signature, uint.MaxValue);
        var seen = new HashSet<ulong>(shingleCount);
        for (var s = 0; s < shingleCount; s++)
        {
            var h = words[s];
            for (var j = 1; j < _shingleSize; j++)
            {
                h = (h * 0x100000001B3UL) ^ words[s + j];
            }

            // A repeated shingle changes nothing: skip the hashing work.
            if (!seen.Add(h))
            {
                continue;
            }

            for (var i = 0; i < signature.Length; i++)
            {
                var v = (uint)(Mix(h ^ _seeds[i]) >> 32);
                if (v < signature[i])
                {
                    signature[i] = v;
                }
            }
        }

        return signature;
    }

    /// <summary>The share of equal positions: the estimate of the Jaccard similarity of the two shingle sets.</summary>
    public static double Similarity(uint[] a, uint[] b)
    {
        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return (double)equal / a.Length;
    }

    private static ulong[] WordHashes(string text, IReadOnlyList<Token> tokens)
    {
        var hashes = new List<ulong>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol || token.Norm.Length == 0)
            {
                continue;
            }

            var h = 0xCBF29CE484222325UL;
            foreach (var c in token.Norm.Slice(text))
            {
                h = (h ^ c) * 0x100000001B3UL;
            }

            hashes.Add(Mix(h));
        }

        return [.. hashes];
    }

    /// <summary>The splitmix64 finalizer: every input bit flips about half the output bits.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
