using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>
/// Finds copies of one text with small edits (a wire story re-run by several outlets) as documents arrive. Rules:
/// <list type="bullet">
/// <item>each document gets a MinHash signature of its normalized word shingles (<see cref="MinHasher"/>);</item>
/// <item>LSH banding: the signature is cut into bands, and documents sharing any whole band are candidates;</item>
/// <item>a candidate pair is kept when the signatures' estimated Jaccard similarity reaches the threshold;</item>
/// <item>work per document is bounded: each bucket is scanned for its most recent <see cref="NearDuplicateOptions.MaxBucketScan"/> documents only.</item>
/// </list>
/// Not thread-safe: one stream of documents per instance, added in a fixed order so the output is deterministic.
/// </summary>
public sealed class NearDuplicateDetector
{
    private readonly NearDuplicateOptions _options;
    private readonly MinHasher _hasher;
    private readonly int _rows;

    // Buckets as linked lists in flat arrays: the bucket's newest entry, and each entry's document and older neighbour.
    private readonly Dictionary<ulong, int> _bucketHead = [];
    private readonly List<int> _entryDoc = [];
    private readonly List<int> _entryNext = [];
    private readonly List<string> _ids = [];
    private readonly List<uint[]> _signatures = [];

    public NearDuplicateDetector(NearDuplicateOptions? options = null)
    {
        _options = options ?? NearDuplicateOptions.Default;
        _options.Validate();
        _hasher = new MinHasher(_options.HashCount, _options.ShingleSize);
        _rows = _options.HashCount / _options.Bands;
    }

    public NearDuplicateOptions Options => _options;

    /// <summary>Documents added so far that were long enough to sign.</summary>
    public int Count => _ids.Count;

    /// <summary>Every near-duplicate pair among the documents, in their order (A is the earlier document).</summary>
    public static IReadOnlyList<DuplicatePair> Find(IEnumerable<Document> documents, NearDuplicateOptions? options = null)
    {
        var detector = new NearDuplicateDetector(options);
        var pairs = new List<DuplicatePair>();
        foreach (var document in documents)
        {
            pairs.AddRange(detector.Add(document));
        }

        return pairs;
    }

    /// <summary>Adds a document and returns its near-duplicates among the earlier ones, most similar first.</summary>
    public IReadOnlyList<DuplicatePair> Add(Document document) => Add(document.Id, Sign(document));

    /// <summary>Adds a precomputed signature (see <see cref="Sign"/>), e.g. one computed on another thread.</summary>
    public IReadOnlyList<DuplicatePair> Add(string id, uint[]? signature)
    {
        if (signature is null)
        {
            return [];
        }

        if (signature.Length != _options.HashCount)
        {
            throw new ArgumentException($"signature has {signature.Length} hashes; the detector uses {_options.HashCount}", nameof(signature));
        }

        var index = _ids.Count;
        var checkedDocs = new HashSet<int>();
        List<DuplicatePair>? found = null;
        for (var band = 0; band < _options.Bands; band++)
        {
            var key = BandKey(signature, band);
            var head = _bucketHead.TryGetValue(key, out var h) ? h : -1;
            var scanned = 0;
            for (var e = head; e >= 0 && scanned < _options.MaxBucketScan; e = _entryNext[e], scanned++)
            {
                var other = _entryDoc[e];
                if (!checkedDocs.Add(other))
                {
                    continue;
                }

                if (Compare(_ids[other], _signatures[other], id, signature) is { } pair)
                {
                    (found ??= []).Add(pair);
                }
            }

            _entryDoc.Add(index);
            _entryNext.Add(head);
            _bucketHead[key] = _entryDoc.Count - 1;
        }

        _ids.Add(id);
        _signatures.Add(signature);
        if (found is null)
        {
            return [];
        }

        found.Sort((x, y) => y.Similarity != x.Similarity ? y.Similarity.CompareTo(x.Similarity) : string.CompareOrdinal(x.A, y.A));
        return found;
    }

    /// <summary>The document's signature under this detector's options (null when it is too short); a digested document's is read from its <see cref="CorpusDigest"/>.</summary>
    public uint[]? Sign(Document document) =>
        document.TryGet(CorpusLayers.Digest, out var digest) ? digest.Signature : _hasher.Signature(document, _options.MinShingles);

    /// <summary>The keys of a signature's LSH bands (what a store indexes to find candidates without a scan).</summary>
    public long[] BandKeys(uint[] signature)
    {
        var keys = new long[_options.Bands];
        for (var band = 0; band < keys.Length; band++)
        {
            keys[band] = unchecked((long)BandKey(signature, band));
        }

        return keys;
    }

    /// <summary>The pair of signatures as near-duplicates (<paramref name="earlier"/> first), or null below the threshold.</summary>
    public DuplicatePair? Compare(string earlier, uint[] earlierSignature, string later, uint[] laterSignature)
    {
        var similarity = MinHasher.Similarity(laterSignature, earlierSignature);
        return similarity >= _options.Threshold ? new DuplicatePair(earlier, later, similarity) : null;
    }

    private ulong BandKey(uint[] signature, int band)
    {
        var h = (ulong)(band + 1) * 0x9E3779B97F4A7C15UL;
        for (var r = band * _rows; r < (band + 1) * _rows; r++)
        {
            h = MinHasher.Mix(h ^ signature[r]);
        }

        return h;
    }
}
