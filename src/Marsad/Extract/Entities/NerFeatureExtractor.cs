using Marsad.Arabic;

namespace Marsad.Extract.Entities;

/// <summary>
/// Turns the tokens of one sentence into hashed observation features, token by token. Per token it fires:
/// <list type="bullet">
/// <item>a bias; the normalized word and its neighbours at ±1 and ±2; the word bigrams with each neighbour;</item>
/// <item>the stem (proclitics stripped, see <see cref="NerLexicon.ProcliticLength"/>) of the word and of its
/// neighbours, the stripped proclitic sequence, and whether it contained the article;</item>
/// <item>prefixes and suffixes of 1–5 letters of the word and of the stem, the stem's letter trigrams (edges
/// marked), and suffixes of 1–2 letters of the neighbours;</item>
/// <item>context conjunctions: the words at -2 and -1, at +1 and +2, at -1 and +1, the stem with the next stem;</item>
/// <item>the shape (script classes, length bucket) of the word and its neighbours, sentence-initial position, and
/// punctuation glued to the word or to the end of the previous word (word features read the word without it);</item>
/// <item>cluster bit-string prefixes (4, 6, 8, 10, 12 bits and whole) of the word, falling back to the stem's cluster,
/// 4-, 8-bit and whole clusters of the words at ±1 and ±2, the 8- and 6-bit cluster bigrams with the previous word,
/// the 6-bit one with the next word, and the previous and next words with the word's 8-bit cluster;</item>
/// <item>the word's tag profile in unlabeled news (falling back to the stem's), and those of its neighbours;</item>
/// <item>gazetteer kinds of the word (as written, then with particles removed) and of its neighbours, and the
/// position (begin/inside) and kinds of the longest multi-word gazetteer name covering it.</item>
/// </list>
/// In the document pass, each token also gets the hint <see cref="DocumentHints"/> computed from the first pass.
/// Features are 64-bit hashes of a template id and the strings involved; the extractor allocates only the
/// per-token normalized strings.
/// </summary>
internal sealed class NerFeatureExtractor
{
    private const int Bias = 1;
    private const int Word = 2;
    private const int WordPrev = 3;
    private const int WordNext = 4;
    private const int WordPrev2 = 5;
    private const int WordNext2 = 6;
    private const int BigramPrev = 7;
    private const int BigramNext = 8;
    private const int Stem = 9;
    private const int StemPrev = 10;
    private const int StemNext = 11;
    private const int Proclitic = 12;
    private const int Prefix = 13;
    private const int Suffix = 14;
    private const int StemSuffix = 15;
    private const int Shape = 16;
    private const int ShapePrev = 17;
    private const int ShapeNext = 18;
    private const int First = 19;
    private const int Cluster = 20;
    private const int ClusterPrev = 21;
    private const int ClusterNext = 22;
    private const int ClusterBigram = 23;
    private const int Gaz = 24;
    private const int GazPrev = 25;
    private const int GazNext = 26;
    private const int GazPhrase = 27;
    private const int StemBigramPrev = 28;
    private const int ShapeWordPrev = 29;
    private const int GluedPunct = 30;
    private const int NeighbourSuffix = 31;
    private const int ClusterFar = 35;
    private const int PrevWordCluster = 36;
    private const int Profile = 37;
    private const int DocHint = 40;
    private const int ProfilePrev = 38;
    private const int ProfileNext = 39;
    private const int StemPrefix = 41;
    private const int StemTrigram = 42;
    private const int ContextPrev2Prev = 43;
    private const int ContextNextNext2 = 44;
    private const int ContextAround = 45;
    private const int StemBigramNext = 46;
    private const int ClusterPrevOwn = 47;
    private const int ClusterOwnNext = 48;
    private const int NextWordCluster = 49;

    /// <summary>How many keys at the start of each token's features describe the word itself (see <see cref="Extract"/>).</summary>
    public const int IdentityFeatureCount = 5;

    private static readonly int[] ClusterPrefixes = [4, 6, 8, 10, 12];

    // The sentence's edges as neighbours in the features that read two tokens.
    private static readonly NerToken StartEdge = Edge("<s>");
    private static readonly NerToken EndEdge = Edge("</s>");

    private readonly NerLexicon _lexicon;

    public NerFeatureExtractor(NerLexicon lexicon) => _lexicon = lexicon;

    /// <summary>Fills <paramref name="keys"/> with the features of every token; token i owns keys[offsets[i]..offsets[i+1]].</summary>
    public void Extract(IReadOnlyList<string> tokens, List<ulong> keys, List<int> offsets, IReadOnlyList<byte>? hints = null)
    {
        keys.Clear();
        offsets.Clear();
        var n = tokens.Count;
        var info = new NerToken[n];
        for (var i = 0; i < n; i++)
        {
            info[i] = Describe(tokens[i]);
        }

        MarkPhrases(info);
        for (var i = 0; i < n; i++)
        {
            offsets.Add(keys.Count);

            // The word's own identity comes first (IdentityFeatureCount keys), so training can hide it (word dropout).
            EmitIdentity(info[i], keys);
            EmitIdentityPairs(info, i, keys);
            EmitOwn(info[i], keys);
            EmitNeighbour(i > 0 ? info[i - 1] : null, -1, keys);
            EmitNeighbour(i + 1 < n ? info[i + 1] : null, 1, keys);
            EmitNeighbour(i > 1 ? info[i - 2] : null, -2, keys);
            EmitNeighbour(i + 2 < n ? info[i + 2] : null, 2, keys);
            EmitPairs(info, i, keys, hints is null ? (byte)0 : hints[i]);
        }

        offsets.Add(keys.Count);
    }

    /// <summary>What the features read of a token; depends on its text alone (the phrase fields are left empty).</summary>
    internal NerToken Describe(string token)
    {
        var full = NerTextSplitter.LowerLatin(ArabicNormalizer.Normalize(token.AsSpan().Trim()));
        var norm = Core(full, out var punct);
        var plen = _lexicon.ProcliticLength(norm, out var article);
        var stem = plen == 0 ? norm : norm[plen..];
        var cluster = _lexicon.Cluster(norm);
        var stemCluster = false;
        if (cluster is null && plen > 0)
        {
            cluster = _lexicon.Cluster(stem);
            stemCluster = cluster is not null;
        }

        var lookup = _lexicon.LookupForm(norm);
        var kinds = _lexicon.Name(norm);
        if (kinds == GazetteerKinds.None && !ReferenceEquals(lookup, norm))
        {
            kinds = _lexicon.Name(lookup);
        }

        var profile = _lexicon.TagProfile(norm);
        if (profile.Length == 0 && plen > 0)
        {
            profile = _lexicon.TagProfile(stem);
        }

        var described = new NerToken
        {
            Profile = profile,
            Norm = norm,
            Stem = stem,
            ProcliticLength = plen,
            Article = article,
            Cluster = cluster,
            StemCluster = stemCluster,
            Shape = ShapeOf(full),
            Punct = punct,
            Kinds = kinds,
            NormHash = FeatureHash.Of(norm),
            LookupHash = FeatureHash.Of(lookup),
        };
        HashPairHalves(ref described);
        return described;
    }

    private static NerToken Edge(string mark)
    {
        var token = new NerToken { Norm = mark, Stem = mark, Cluster = mark, Profile = [] };
        HashPairHalves(ref token);
        return token;
    }

    /// <summary>Hashes the token's half of each two-token feature once, so a position only mixes in the other half.</summary>
    private static void HashPairHalves(ref NerToken t)
    {
        var bits = t.Cluster ?? "<none>";
        var bits6 = bits.AsSpan(0, Math.Min(6, bits.Length));
        var bits8 = bits.AsSpan(0, Math.Min(8, bits.Length));
        t.AsPrevBigram = Key(BigramPrev, t.Norm);
        t.AsPrevStemBigram = Key(StemBigramPrev, t.Stem);
        t.AsPrevShapeWord = Key(ShapeWordPrev, t.Norm);
        t.AsPrevWordCluster = Key(PrevWordCluster, t.Norm);
        t.AsPrevClusterPrevOwn = Key(ClusterPrevOwn, bits6);
        t.AsPrevClusterBigram = Key(ClusterBigram, bits8);
        t.AsPrevAround = Key(ContextAround, t.Norm);
        t.AsPrev2Context = Key(ContextPrev2Prev, t.Norm);
        t.AsNextContext = Key(ContextNextNext2, t.Norm);
        t.AsNextWordCluster = Key(NextWordCluster, t.Norm);
        t.OwnBigramNext = Key(BigramNext, t.Norm);
        t.OwnStemBigramNext = Key(StemBigramNext, t.Stem);
        t.OwnClusterOwnNext = Key(ClusterOwnNext, bits6);
    }

    /// <summary>Greedy longest match, left to right, of gazetteer names of two tokens or more.</summary>
    internal void MarkPhrases(Span<NerToken> info)
    {
        var max = _lexicon.MaxPhraseLength;
        var i = 0;
        while (i < info.Length)
        {
            info[i].PhraseKinds = GazetteerKinds.None;
            info[i].PhrasePosition = '\0';
            var bestLen = 0;
            var bestKinds = GazetteerKinds.None;
            var key = NerLexicon.PhraseNext(NerLexicon.PhraseStart(), info[i].LookupHash);

            // Names are extended only while some longer name starts with the tokens so far.
            for (var len = 2; len <= max && i + len <= info.Length && _lexicon.PhrasePrefix(key); len++)
            {
                key = NerLexicon.PhraseNext(key, info[i + len - 1].NormHash);
                var kinds = _lexicon.Phrase(key);
                if (kinds != GazetteerKinds.None)
                {
                    bestLen = len;
                    bestKinds = kinds;
                }
            }

            if (bestLen == 0)
            {
                i++;
                continue;
            }

            for (var j = 0; j < bestLen; j++)
            {
                info[i + j].PhraseKinds = bestKinds;
                info[i + j].PhrasePosition = j == 0 ? 'B' : 'I';
            }

            i += bestLen;
        }
    }

    /// <summary>The word and its stem (the first keys of a token, see <see cref="IdentityFeatureCount"/>).</summary>
    internal static void EmitIdentity(in NerToken t, List<ulong> keys)
    {
        keys.Add(Key(Word, t.Norm));
        keys.Add(Key(Stem, t.Stem));
    }

    /// <summary>The word with each neighbour (the rest of the identity keys).</summary>
    internal static void EmitIdentityPairs(ReadOnlySpan<NerToken> info, int i, List<ulong> keys)
    {
        ref readonly var t = ref info[i];
        ref readonly var prev = ref i > 0 ? ref info[i - 1] : ref StartEdge;
        ref readonly var next = ref i + 1 < info.Length ? ref info[i + 1] : ref EndEdge;
        keys.Add(FeatureHash.Mix(prev.AsPrevBigram, t.Norm));
        keys.Add(FeatureHash.Mix(t.OwnBigramNext, next.Norm));
        keys.Add(FeatureHash.Mix(prev.AsPrevStemBigram, t.Stem));
    }

    /// <summary>The features that read the token alone, after its identity: affixes, shape, clusters, profile, gazetteer.</summary>
    internal static void EmitOwn(in NerToken t, List<ulong> keys)
    {
        keys.Add(FeatureHash.Start(Bias));
        keys.Add(FeatureHash.Mix(Key(Proclitic, t.Norm.AsSpan(0, t.ProcliticLength)), t.Article ? 1u : 0u));

        var word = t.Norm.AsSpan();
        for (var k = 1; k <= 5 && k < word.Length; k++)
        {
            keys.Add(Key(Prefix, word[..k]));
            keys.Add(Key(Suffix, word[^k..]));
        }

        var stem = t.Stem.AsSpan();
        for (var k = 1; k <= 5 && k < stem.Length; k++)
        {
            keys.Add(Key(StemSuffix, stem[^k..]));
            keys.Add(Key(StemPrefix, stem[..k]));
        }

        // Letter trigrams of the stem, with its edges marked, generalize over unseen names' spellings.
        for (var k = -1; k + 3 <= stem.Length + 1 && stem.Length >= 2; k++)
        {
            var h = FeatureHash.Start(StemTrigram);
            for (var c = k; c < k + 3; c++)
            {
                h = FeatureHash.Mix(h, c < 0 ? '^' : c >= stem.Length ? '$' : (uint)stem[c]);
            }

            keys.Add(h);
        }

        keys.Add(FeatureHash.Mix(FeatureHash.Start(Shape), t.Shape));
        if (t.Punct != 0)
        {
            keys.Add(FeatureHash.Mix(FeatureHash.Start(GluedPunct), t.Punct));
        }

        if (t.Cluster is { } bits)
        {
            var flag = t.StemCluster ? 1u : 0u;
            foreach (var p in ClusterPrefixes)
            {
                if (p < bits.Length)
                {
                    keys.Add(FeatureHash.Mix(Key(Cluster, bits.AsSpan(0, p)), flag));
                }
            }

            keys.Add(FeatureHash.Mix(Key(Cluster, bits), flag | 2u));
        }
        else
        {
            keys.Add(Key(Cluster, "<none>"));
        }

        AddProfile(Profile, t.Profile, keys);
        if (t.Kinds != GazetteerKinds.None)
        {
            AddKinds(Gaz, t.Kinds, keys);
        }
    }

    /// <summary>
    /// The features a token fires about its neighbour at <paramref name="offset"/> (−2, −1, +1, +2) that read that
    /// neighbour alone; <paramref name="neighbour"/> is null past the sentence's edge.
    /// </summary>
    internal static void EmitNeighbour(NerToken? neighbour, int offset, List<ulong> keys)
    {
        var edge = offset < 0 ? "<s>" : "</s>";
        var norm = neighbour?.Norm ?? edge;
        var cluster = neighbour is { } c ? c.Cluster : edge;
        switch (offset)
        {
            case -2:
                keys.Add(Key(WordPrev2, norm));
                AddNeighbourClusters(cluster, ClusterFar, keys);
                return;
            case 2:
                keys.Add(Key(WordNext2, norm));
                AddNeighbourClusters(cluster, ClusterFar + 100, keys);
                return;
        }

        var before = offset < 0;
        keys.Add(Key(before ? WordPrev : WordNext, norm));
        keys.Add(Key(before ? StemPrev : StemNext, neighbour?.Stem ?? edge));
        AddSuffixes(before ? NeighbourSuffix : NeighbourSuffix + 100, norm, keys);
        keys.Add(FeatureHash.Mix(FeatureHash.Start(before ? ShapePrev : ShapeNext), neighbour?.Shape ?? 0u));
        if (before && neighbour is { Punct: >= 2 })
        {
            // Punctuation glued to the end of the previous word (a clause or sentence break).
            keys.Add(FeatureHash.Mix(FeatureHash.Start(GluedPunct), 4u));
        }

        AddNeighbourClusters(cluster, before ? ClusterPrev : ClusterNext, keys);
        if (neighbour is { } n)
        {
            AddProfile(before ? ProfilePrev : ProfileNext, n.Profile, keys);
            if (n.Kinds != GazetteerKinds.None)
            {
                AddKinds(before ? GazPrev : GazNext, n.Kinds, keys);
            }
        }
    }

    /// <summary>
    /// The features that read two tokens or the position: context conjunctions, cluster bigrams, the sentence start,
    /// multi-word gazetteer names and the document pass's hint (0: none).
    /// </summary>
    internal static void EmitPairs(ReadOnlySpan<NerToken> info, int i, List<ulong> keys, byte hint)
    {
        ref readonly var t = ref info[i];
        ref readonly var prev = ref i > 0 ? ref info[i - 1] : ref StartEdge;
        ref readonly var prev2 = ref i > 1 ? ref info[i - 2] : ref StartEdge;
        ref readonly var next = ref i + 1 < info.Length ? ref info[i + 1] : ref EndEdge;
        ref readonly var next2 = ref i + 2 < info.Length ? ref info[i + 2] : ref EndEdge;

        keys.Add(FeatureHash.Mix(prev2.AsPrev2Context, prev.Norm));
        keys.Add(FeatureHash.Mix(next.AsNextContext, next2.Norm));
        keys.Add(FeatureHash.Mix(prev.AsPrevAround, next.Norm));
        keys.Add(FeatureHash.Mix(t.OwnStemBigramNext, next.Stem));
        keys.Add(FeatureHash.Mix(prev.AsPrevShapeWord, t.Shape));
        if (i == 0)
        {
            keys.Add(FeatureHash.Start(First));
        }

        var ownBits = t.Cluster ?? "<none>";
        var own8 = ownBits.AsSpan(0, Math.Min(8, ownBits.Length));
        var own6 = ownBits.AsSpan(0, Math.Min(6, ownBits.Length));
        var nextBits = next.Cluster ?? "<none>";
        keys.Add(FeatureHash.Mix(prev.AsPrevWordCluster, own8));
        keys.Add(FeatureHash.Mix(next.AsNextWordCluster, own8));
        keys.Add(FeatureHash.Mix(t.OwnClusterOwnNext, nextBits.AsSpan(0, Math.Min(6, nextBits.Length))));
        keys.Add(FeatureHash.Mix(prev.AsPrevClusterPrevOwn, own6));
        keys.Add(FeatureHash.Mix(prev.AsPrevClusterBigram, own8));

        if (t.PhraseKinds != GazetteerKinds.None)
        {
            AddKinds(GazPhrase + (t.PhrasePosition == 'B' ? 0 : 100), t.PhraseKinds, keys);
        }

        if (hint != 0)
        {
            EmitHint(hint, t.Cluster is not null, keys);
        }
    }

    /// <summary>What the first pass said about the same word elsewhere in the document (see <see cref="DocumentHints"/>).</summary>
    internal static void EmitHint(byte hint, bool hasCluster, List<ulong> keys)
    {
        keys.Add(FeatureHash.Mix(FeatureHash.Start(DocHint), hint));
        keys.Add(FeatureHash.Mix(FeatureHash.Mix(FeatureHash.Start(DocHint + 100), hint), hasCluster ? 1u : 0u));
    }

    private static void AddProfile(int template, string[] profile, List<ulong> keys)
    {
        foreach (var item in profile)
        {
            keys.Add(Key(template, item));
        }
    }

    private static void AddSuffixes(int template, string word, List<ulong> keys)
    {
        for (var k = 1; k <= 2 && k < word.Length; k++)
        {
            keys.Add(Key(template + k, word.AsSpan(word.Length - k)));
        }
    }

    private static void AddNeighbourClusters(string? bits, int template, List<ulong> keys)
    {
        if (bits is null)
        {
            keys.Add(Key(template, "<none>"));
            return;
        }

        if (bits.Length > 4)
        {
            keys.Add(Key(template, bits.AsSpan(0, 4)));
        }

        if (bits.Length > 8)
        {
            keys.Add(Key(template, bits.AsSpan(0, 8)));
        }

        keys.Add(FeatureHash.Mix(Key(template, bits), 2u));
    }

    /// <summary>One feature per kind bit, so a name that is both a person and a place fires both.</summary>
    private static void AddKinds(int template, GazetteerKinds kinds, List<ulong> keys)
    {
        var start = FeatureHash.Start(template);
        for (var bit = 1; bit <= 64; bit <<= 1)
        {
            if (((int)kinds & bit) != 0)
            {
                keys.Add(FeatureHash.Mix(start, (uint)bit));
            }
        }
    }

    /// <summary>The form under which mentions of a word are matched across a document: normalized, without glued
    /// punctuation and proclitics.</summary>
    internal string MatchForm(string token)
    {
        var norm = Core(NerTextSplitter.LowerLatin(ArabicNormalizer.Normalize(token.AsSpan().Trim())), out _);
        var plen = _lexicon.ProcliticLength(norm, out _);
        return plen == 0 ? norm : norm[plen..];
    }

    /// <summary>
    /// The word without punctuation glued to its ends (corpora often leave "كابول؛" or "(د" as one token); punct
    /// tells which ends had some (1 = start, 2 = end). A token of punctuation only is kept whole.
    /// </summary>
    internal static string Core(string word, out uint punct)
    {
        punct = 0;
        var start = 0;
        var end = word.Length;
        while (start < end && !char.IsLetterOrDigit(word[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(word[end - 1]))
        {
            end--;
        }

        if (start == end || (start == 0 && end == word.Length))
        {
            return word;
        }

        punct = (start > 0 ? 1u : 0u) | (end < word.Length ? 2u : 0u);
        return word[start..end];
    }

    private static ulong Key(int template, ReadOnlySpan<char> text) => FeatureHash.Mix(FeatureHash.Start(template), text);

    /// <summary>
    /// The word's shape: its runs of Arabic letters (A), Latin letters (L), digits (D) and other characters (P),
    /// at most four runs, with a length bucket (1, 2, 3, 4, 5–6, 7–9, 10+), packed in an integer.
    /// </summary>
    internal static uint ShapeOf(ReadOnlySpan<char> word)
    {
        uint shape = 0;
        var runs = 0;
        var last = 0u;
        foreach (var c in word)
        {
            uint cls = c switch
            {
                >= '0' and <= '9' => 1,
                >= 'a' and <= 'z' or >= 'A' and <= 'Z' => 2,
                >= '\u0600' and <= '\u06FF' when char.IsLetter(c) => 3,
                _ => char.IsLetter(c) ? 2u : 4u,
            };
            if (cls != last && runs < 4)
            {
                shape = (shape << 3) | cls;
                runs++;
                last = cls;
            }
        }

        var bucket = word.Length switch
        {
            <= 4 => (uint)word.Length,
            <= 6 => 5u,
            <= 9 => 6u,
            _ => 7u,
        };
        return (shape << 3) | bucket;
    }
}
