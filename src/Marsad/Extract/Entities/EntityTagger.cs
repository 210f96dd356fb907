using Marsad.Arabic;

namespace Marsad.Extract.Entities;

/// <summary>
/// Tags the tokens of a sentence with B-/I-/O entity tags using a trained averaged-perceptron model
/// (<see cref="EntityTaggerTrainer"/>). Rules:
/// <list type="bullet">
/// <item>features come from <see cref="NerFeatureExtractor"/> with the lexicon stored in the model;</item>
/// <item>a token's score for a tag is the sum of its features' weights; the sequence is decoded with first-order
/// Viterbi over the model's tags (BIO or BIOES) under their constraints, then written as BIO (<see cref="TagScheme"/>);</item>
/// <item>the labels are the training corpus's (ANERcorp: PERS, LOC, ORG, MISC); <see cref="EntityTypeMapper"/>
/// turns them into document types.</item>
/// </list>
/// The instance is immutable and thread-safe; <see cref="Default"/> loads the committed model once.
/// </summary>
public sealed class EntityTagger
{
    /// <summary>The committed model, relative to the data folder.</summary>
    public static readonly string[] DefaultModelPath = ["models", "ner-anercorp.bin.gz"];

    private static readonly Lazy<EntityTagger> DefaultTagger = new(() => Load(DataFiles.Path(DefaultModelPath)));

    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly string[] _tags;
    private readonly string[] _bioTags;
    private readonly string[] _labels;
    private readonly float[] _weights;

    // This model's weights, joined with the document pass's when there is one.
    private readonly ScoreTable _table;
    private readonly float[] _transitions;
    private readonly bool[] _allowed;
    private readonly NerFeatureExtractor _extractor;

    // Grows as it reads, shared by every thread; the model itself stays immutable.
    private readonly WordScoreCache _cache;

    /// <summary>Sentences per document when a caller has no document boundaries (ANERcorp, CoNLL files).</summary>
    public const int DefaultDocumentSentences = 20;

    private readonly string[] _types;

    internal EntityTagger(string[] tags, NerLexicon lexicon, float[] transitions, ulong[] keys, float[] weights, EntityTagger? documentPass = null, int cacheCapacity = WordScoreCache.Capacity)
    {
        DocumentPass = documentPass;
        _tags = tags;
        _bioTags = tags.Select(TagScheme.ToBio).ToArray();
        _labels = _bioTags.Distinct().ToArray();
        _types = _labels.Where(l => l != "O").Select(l => BioChunker.Parse(l).Type).Distinct().Order(StringComparer.Ordinal).ToArray();
        Lexicon = lexicon;
        _transitions = transitions;
        _weights = weights;
        _table = new ScoreTable(documentPass is null ? [(keys, weights)] : [(keys, weights), (documentPass.Keys, documentPass.Weights)], tags.Length);

        Keys = keys;
        _allowed = ViterbiDecoder.AllowedTransitions(tags);
        _extractor = new NerFeatureExtractor(lexicon);
        _cache = new WordScoreCache(_extractor, _table, cacheCapacity);
    }

    /// <summary>The tagger of the committed model (loaded on first use).</summary>
    public static EntityTagger Default => DefaultTagger.Value;

    /// <summary>The BIO tags the tagger outputs, "O" first.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The clusters, gazetteer and proclitics the model was trained with.</summary>
    public NerLexicon Lexicon { get; }

    /// <summary>Number of features with weights.</summary>
    public int FeatureCount => Keys.Length;

    internal ulong[] Keys { get; }

    /// <summary>The second, document-level pass (features: how the first pass tagged the same word elsewhere), if any.</summary>
    internal EntityTagger? DocumentPass { get; }

    internal string[] Tags => _tags;

    internal float[] Transitions => _transitions;

    internal float[] Weights => _weights;

    /// <summary>Loads a model file written by <see cref="Save"/>.</summary>
    public static EntityTagger Load(string path)
    {
        return NerModelFile.Read(path);
    }

    /// <summary>Writes the model (gzipped binary, half-precision weights).</summary>
    public void Save(string path) => NerModelFile.Write(path, this);

    /// <summary>This tagger with per-thread word caches of <paramref name="capacity"/> words per generation (tests).</summary>
    internal EntityTagger WithCacheCapacity(int capacity) => new(_tags, Lexicon, _transitions, Keys, _weights, DocumentPass, capacity);

    /// <summary>This tagger with a second, document-level pass.</summary>
    internal EntityTagger WithDocumentPass(EntityTagger pass) => new(_tags, Lexicon, _transitions, Keys, _weights, pass);

    /// <summary>
    /// A copy whose "O" tag costs <paramref name="penalty"/> more at every token, which trades precision for recall;
    /// folded into the transitions into "O" (every token has exactly one incoming transition).
    /// </summary>
    public EntityTagger WithOutsidePenalty(float penalty)
    {
        var t = _tags.Length;
        var transitions = (float[])_transitions.Clone();
        var o = Array.IndexOf(_tags, "O");
        for (var prev = 0; prev <= t && o >= 0; prev++)
        {
            transitions[prev * t + o] -= penalty;
        }

        // With a document pass, only that pass (which makes the final decision) is shifted.
        return DocumentPass is not null
            ? new EntityTagger(_tags, Lexicon, _transitions, Keys, _weights, DocumentPass.WithOutsidePenalty(penalty))
            : new EntityTagger(_tags, Lexicon, transitions, Keys, _weights);
    }

    /// <summary>
    /// A copy whose tags of entity type <paramref name="type"/> (B-, I-, E-, S-) score <paramref name="bonus"/> more
    /// at every token, which raises that type's recall when positive; folded into the transitions like
    /// <see cref="WithOutsidePenalty"/>, and applied to the document pass only when there is one.
    /// </summary>
    public EntityTagger WithTypeBonus(string type, float bonus)
    {
        if (DocumentPass is not null)
        {
            return new EntityTagger(_tags, Lexicon, _transitions, Keys, _weights, DocumentPass.WithTypeBonus(type, bonus));
        }

        var t = _tags.Length;
        var transitions = (float[])_transitions.Clone();
        for (var cur = 0; cur < t; cur++)
        {
            if (_tags[cur] != "O" && BioChunker.Parse(TagScheme.ToBio(_tags[cur])).Type == type)
            {
                for (var prev = 0; prev <= t; prev++)
                {
                    transitions[(prev * t) + cur] += bonus;
                }
            }
        }

        return new EntityTagger(_tags, Lexicon, transitions, Keys, _weights);
    }

    /// <summary>
    /// Empties the per-word score cache (what a fresh process sees). Benchmarks
    /// call it so that each round pays for first sightings as a real run does; tags do not change.
    /// </summary>
    public void ResetCaches() => _cache.Clear();

    /// <summary>The entity types the tagger outputs (e.g. LOC, MISC, ORG, PERS), sorted.</summary>
    public IReadOnlyList<string> Types => _types;

    /// <summary>The B-/I-/O tag of every token.</summary>
    public string[] Tag(IReadOnlyList<string> tokens)
    {
        var ids = new int[tokens.Count];
        TagIds(tokens, ids);
        return ToBio(ids);
    }

    /// <summary>
    /// The BIO tags of every sentence of a document: each sentence is tagged on its own, then, when the model has a
    /// document pass, again with hints from how the first pass tagged the same words elsewhere in the document.
    /// The second pass reuses the first pass's feature keys and per-word scores, so it costs only its own lookups.
    /// </summary>
    public string[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var first = new string[sentences.Count][];
        if (DocumentPass is not { } pass)
        {
            for (var s = 0; s < sentences.Count; s++)
            {
                first[s] = Tag(sentences[s]);
            }

            return first;
        }

        var t = _tags.Length;
        var keep = new SecondPass(sentences, t);
        for (var s = 0; s < sentences.Count; s++)
        {
            var ids = new int[sentences[s].Count];
            TagIds(sentences[s], ids, keep, s);
            first[s] = ToBio(ids);
            keep.Start += ids.Length;
        }

        var hints = DocumentHints.Compute(keep.Forms, first, _types);
        var result = new string[sentences.Count][];
        var found = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keep.Found);
        var hintKeys = new List<ulong>(2);
        var start = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var n = sentences[s].Count;
            var em = keep.Partial.AsSpan(start * t, n * t);
            for (var i = 0; i < n; i++)
            {
                // The rows the first pass found for this token's pair keys, read for the document pass, then the hint.
                var row = em.Slice(i * t, t);
                foreach (var f in found[keep.Offsets[start + i]..keep.Offsets[start + i + 1]])
                {
                    if (f >= 0)
                    {
                        AddRow(row, _table.Row(f, 1));
                    }
                }

                if (hints[s][i] != 0)
                {
                    hintKeys.Clear();
                    NerFeatureExtractor.EmitHint(hints[s][i], keep.HasCluster[start + i], hintKeys);
                    foreach (var key in hintKeys)
                    {
                        var f = _table.Find(key);
                        if (f >= 0)
                        {
                            AddRow(row, _table.Row(f, 1));
                        }
                    }
                }
            }

            var ids = new int[n];
            ViterbiDecoder.Decode(em, pass._transitions, pass._allowed, n, t, ids);
            result[s] = ToBio(ids);
            start += n;
        }

        return result;
    }

    /// <summary>The entities of a sentence, with the model's labels as types (e.g. PERS, LOC).</summary>
    public List<EntityMention> FindEntities(IReadOnlyList<string> tokens) => BioChunker.Chunks(Tag(tokens));

    private string[] ToBio(int[] ids)
    {
        var result = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            result[i] = _bioTags[ids[i]];
        }

        return result;
    }

    /// <summary>Writes the model's tag (BIOES) index of every token into <paramref name="output"/>.</summary>
    internal void TagIds(IReadOnlyList<string> tokens, Span<int> output) => TagIds(tokens, output, null, 0);

    /// <summary>
    /// Tags one sentence. Emission scores add the cached per-word rows (<see cref="WordScoreCache"/>) of the token
    /// and its neighbours to the weights of the features that read two tokens. With <paramref name="keep"/>, also
    /// keeps what the document pass needs: match forms, pair keys and the document pass's per-word scores.
    /// </summary>
    private void TagIds(IReadOnlyList<string> tokens, Span<int> output, SecondPass? keep, int sentence)
    {
        var n = tokens.Count;
        if (n == 0)
        {
            return;
        }

        var s = _scratch ??= new Scratch();
        var cache = _cache;
        var local = cache.ForThread();
        var t = _tags.Length;
        s.Ensure(n, t);
        var slots = s.Slots.AsSpan(0, n);
        var info = s.Tokens.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            slots[i] = cache.Get(tokens[i], local);
            info[i] = slots[i].Token;
        }

        _extractor.MarkPhrases(info);
        var keys = keep?.Keys ?? s.Keys;
        var offsets = keep is null ? s.Offsets.AsSpan(0, n + 1) : keep.Offsets.AsSpan(keep.Start, n + 1);
        if (keep is null)
        {
            keys.Clear();
        }

        for (var i = 0; i < n; i++)
        {
            offsets[i] = keys.Count;
            NerFeatureExtractor.EmitIdentityPairs(info, i, keys);
            NerFeatureExtractor.EmitPairs(info, i, keys, 0);
        }

        offsets[n] = keys.Count;
        var em = s.Emissions.AsSpan(0, n * t);
        AddRows(cache, 0, slots, em, t);
        var found = Find(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys)[offsets[0]..offsets[n]], keep?.Found);
        var origin = offsets[0];
        for (var i = 0; i < n; i++)
        {
            var row = em.Slice(i * t, t);
            foreach (var f in found[(offsets[i] - origin)..(offsets[i + 1] - origin)])
            {
                if (f >= 0)
                {
                    AddRow(row, _table.Row(f, 0));
                }
            }
        }

        ViterbiDecoder.Decode(em, _transitions, _allowed, n, t, output);

        if (keep is not null)
        {
            var partial = keep.Partial.AsSpan(keep.Start * t, n * t);
            AddRows(cache, 1, slots, partial, t);
            for (var i = 0; i < n; i++)
            {
                keep.Forms[sentence][i] = info[i].Stem;
                keep.HasCluster[keep.Start + i] = info[i].Cluster is not null;
            }
        }
    }

    /// <summary>
    /// The table rows of <paramref name="keys"/> (-1: absent), looked up in one sweep so the table's cache misses
    /// overlap instead of waiting on each other; appended to <paramref name="keep"/> when given, else in scratch space.
    /// </summary>
    private ReadOnlySpan<int> Find(ReadOnlySpan<ulong> keys, List<int>? keep)
    {
        if (keep is not null)
        {
            var at = keep.Count;
            foreach (var key in keys)
            {
                keep.Add(_table.Find(key));
            }

            return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keep)[at..];
        }

        var s = _scratch!;
        if (s.Rows.Length < keys.Length)
        {
            s.Rows = new int[Math.Max(keys.Length, s.Rows.Length * 2)];
        }

        var found = s.Rows.AsSpan(0, keys.Length);
        for (var k = 0; k < keys.Length; k++)
        {
            found[k] = _table.Find(keys[k]);
        }

        return found;
    }

    /// <summary>Adds to each token's row its own cached scores and those its neighbours give it, for one model.</summary>
    private static void AddRows(WordScoreCache cache, int model, ReadOnlySpan<WordScores> slots, Span<float> em, int t)
    {
        var n = slots.Length;
        for (var i = 0; i < n; i++)
        {
            var row = em.Slice(i * t, t);
            AddRow(row, cache.Row(slots[i], model, WordScoreCache.Own));
            AddRow(row, i > 0 ? cache.Row(slots[i - 1], model, WordScoreCache.AsPrev) : cache.EdgeRow(model, WordScoreCache.AsPrev));
            AddRow(row, i + 1 < n ? cache.Row(slots[i + 1], model, WordScoreCache.AsNext) : cache.EdgeRow(model, WordScoreCache.AsNext));
            AddRow(row, i > 1 ? cache.Row(slots[i - 2], model, WordScoreCache.AsPrev2) : cache.EdgeRow(model, WordScoreCache.AsPrev2));
            AddRow(row, i + 2 < n ? cache.Row(slots[i + 2], model, WordScoreCache.AsNext2) : cache.EdgeRow(model, WordScoreCache.AsNext2));
        }
    }

    private static void AddRow(Span<float> row, ReadOnlySpan<float> add)
    {
        for (var j = 0; j < row.Length; j++)
        {
            row[j] += add[j];
        }
    }

    private sealed class Scratch
    {
        public readonly List<ulong> Keys = new(1024);
        public int[] Offsets = new int[128];
        public int[] Rows = new int[1024];
        public float[] Emissions = new float[1024];
        public WordScores[] Slots = new WordScores[128];
        public NerToken[] Tokens = new NerToken[128];

        /// <summary>Room for a sentence of n tokens and t tags, emissions cleared.</summary>
        public void Ensure(int n, int t)
        {
            if (Emissions.Length < n * t)
            {
                Emissions = new float[Math.Max(n * t, Emissions.Length * 2)];
            }

            if (Slots.Length < n + 1)
            {
                var size = Math.Max(n + 1, Slots.Length * 2);
                Slots = new WordScores[size];
                Tokens = new NerToken[size];
                Offsets = new int[size];
            }

            Emissions.AsSpan(0, n * t).Clear();
        }
    }

    /// <summary>What the first pass over a document keeps for the document pass.</summary>
    private sealed class SecondPass
    {
        public SecondPass(IReadOnlyList<IReadOnlyList<string>> sentences, int tags)
        {
            var total = 0;
            Forms = new string[sentences.Count][];
            for (var s = 0; s < sentences.Count; s++)
            {
                Forms[s] = new string[sentences[s].Count];
                total += sentences[s].Count;
            }

            Keys = new List<ulong>(total * 20);
            Found = new List<int>(total * 20);
            Offsets = new int[total + 1];
            Partial = new float[total * tags];
            HasCluster = new bool[total];
        }

        /// <summary>Index of the current sentence's first token in the document.</summary>
        public int Start { get; set; }

        public string[][] Forms { get; }

        public List<ulong> Keys { get; }

        /// <summary>The table row of each key in <see cref="Keys"/>.</summary>
        public List<int> Found { get; }

        public int[] Offsets { get; }

        public float[] Partial { get; }

        public bool[] HasCluster { get; }
    }
}
