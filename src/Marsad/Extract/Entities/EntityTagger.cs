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
    private readonly FeatureIndex _index;
    private readonly float[] _weights;
    private readonly float[] _transitions;
    private readonly bool[] _allowed;
    private readonly NerFeatureExtractor _extractor;

    /// <summary>Sentences per document when a caller has no document boundaries (ANERcorp, CoNLL files).</summary>
    public const int DefaultDocumentSentences = 20;

    private readonly string[] _types;

    internal EntityTagger(string[] tags, NerLexicon lexicon, float[] transitions, ulong[] keys, float[] weights, EntityTagger? documentPass = null)
    {
        DocumentPass = documentPass;
        _tags = tags;
        _bioTags = tags.Select(TagScheme.ToBio).ToArray();
        _labels = _bioTags.Distinct().ToArray();
        _types = _labels.Where(l => l != "O").Select(l => BioChunker.Parse(l).Type).Distinct().Order(StringComparer.Ordinal).ToArray();
        Lexicon = lexicon;
        _transitions = transitions;
        _weights = weights;
        _index = new FeatureIndex(keys);

        Keys = keys;
        _allowed = ViterbiDecoder.AllowedTransitions(tags);
        _extractor = new NerFeatureExtractor(lexicon);
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

    /// <summary>The entity types the tagger outputs (e.g. LOC, MISC, ORG, PERS), sorted.</summary>
    public IReadOnlyList<string> Types => _types;

    /// <summary>The B-/I-/O tag of every token.</summary>
    public string[] Tag(IReadOnlyList<string> tokens)
    {
        var ids = new int[tokens.Count];
        TagIds(tokens, ids);
        var result = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            result[i] = _bioTags[ids[i]];
        }

        return result;
    }

    /// <summary>
    /// The BIO tags of every sentence of a document: each sentence is tagged on its own, then, when the model has a
    /// document pass, again with hints from how the first pass tagged the same words elsewhere in the document.
    /// </summary>
    public string[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var first = new string[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            first[s] = Tag(sentences[s]);
        }

        if (DocumentPass is null)
        {
            return first;
        }

        var hints = DocumentHints.Compute(sentences, first, _extractor, _types);
        var result = new string[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var ids = new int[sentences[s].Count];
            DocumentPass.TagIds(sentences[s], ids, hints[s]);
            result[s] = ids.Select(i => _bioTags[i]).ToArray();
        }

        return result;
    }

    /// <summary>The entities of a sentence, with the model's labels as types (e.g. PERS, LOC).</summary>
    public List<EntityMention> FindEntities(IReadOnlyList<string> tokens) => BioChunker.Chunks(Tag(tokens));

    /// <summary>Writes the model's tag (BIOES) index of every token into <paramref name="output"/>.</summary>
    internal void TagIds(IReadOnlyList<string> tokens, Span<int> output, IReadOnlyList<byte>? hints = null)
    {
        var n = tokens.Count;
        if (n == 0)
        {
            return;
        }

        var s = _scratch ??= new Scratch();
        _extractor.Extract(tokens, s.Keys, s.Offsets, hints);
        var t = _tags.Length;
        if (s.Emissions.Length < n * t)
        {
            s.Emissions = new float[Math.Max(n * t, s.Emissions.Length * 2)];
        }

        var em = s.Emissions.AsSpan(0, n * t);
        em.Clear();
        var weights = _weights.AsSpan();
        for (var i = 0; i < n; i++)
        {
            var row = em.Slice(i * t, t);
            for (var k = s.Offsets[i]; k < s.Offsets[i + 1]; k++)
            {
                var f = _index.Find(s.Keys[k]);
                if (f >= 0)
                {
                    var w = weights.Slice(f * t, t);
                    for (var j = 0; j < t; j++)
                    {
                        row[j] += w[j];
                    }
                }
            }
        }

        ViterbiDecoder.Decode(em, _transitions, _allowed, n, t, output);
    }

    private sealed class Scratch
    {
        public readonly List<ulong> Keys = new(1024);
        public readonly List<int> Offsets = new(64);
        public float[] Emissions = new float[1024];
    }
}
