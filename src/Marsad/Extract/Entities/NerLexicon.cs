using Marsad.Arabic;

namespace Marsad.Extract.Entities;

/// <summary>
/// The lexical knowledge the tagger's features read: word clusters, gazetteer names and the proclitics it strips.
/// It travels inside the model file, so a model always sees the resources it was trained with. It is never changed
/// after construction, so its dictionaries are safe to read from many threads. Rules:
/// <list type="bullet">
/// <item>all entries are normalized (<see cref="ArabicNormalizer"/>, Latin lower-cased);</item>
/// <item>a gazetteer name of several words is matched token by token through per-token hashes (no string building);</item>
/// <item>proclitics are stripped longest first; a sequence that contains the article (ال) is always stripped when a
/// stem of two letters or more remains, a bare particle (و ب ل ك ف) only when the word is not a known word of its
/// own or the remainder is a more frequent word.</item>
/// </list>
/// </summary>
public sealed class NerLexicon
{
    private readonly Dictionary<string, (string Bits, int Count)> _clusters;
    private readonly Dictionary<string, (string Bits, int Count)>.AlternateLookup<ReadOnlySpan<char>> _clusterLookup;
    private readonly Dictionary<ulong, GazetteerKinds> _phrases;
    private readonly HashSet<ulong> _phrasePrefixes;
    private readonly string[] _proclitics;

    private readonly Dictionary<string, string[]> _profiles;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _profileLookup;

    public NerLexicon(
        IEnumerable<(string Word, string Bits, int Count)> clusters,
        IEnumerable<(string Name, GazetteerKinds Kinds)> names,
        IEnumerable<string> proclitics,
        IEnumerable<(string Word, string Profile)>? tagProfiles = null)
    {
        var profiles = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (word, profile) in tagProfiles ?? [])
        {
            profiles[word] = profile.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(string.Intern).ToArray();
        }

        _profiles = profiles;
        _profileLookup = _profiles.GetAlternateLookup<ReadOnlySpan<char>>();

        var c = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var (word, bits, count) in clusters)
        {
            c.TryAdd(word, (string.Intern(bits), count));
        }

        _clusters = c;
        _clusterLookup = _clusters.GetAlternateLookup<ReadOnlySpan<char>>();

        var p = new Dictionary<ulong, GazetteerKinds>();
        var prefixes = new HashSet<ulong>();
        var maxLen = 1;
        var nameList = new List<(string, GazetteerKinds)>();
        foreach (var (name, kinds) in names)
        {
            var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var key = PhraseStart();
            for (var k = 0; k < parts.Length; k++)
            {
                if (k > 0)
                {
                    prefixes.Add(key);
                }

                key = PhraseNext(key, FeatureHash.Of(parts[k]));
            }

            p[key] = p.GetValueOrDefault(key) | kinds;
            maxLen = Math.Max(maxLen, parts.Length);
            nameList.Add((string.Join(' ', parts), kinds));
        }

        _phrases = p;
        _phrasePrefixes = prefixes;
        MaxPhraseLength = Math.Min(maxLen, 8);
        Names = nameList;
        _proclitics = proclitics.Distinct().OrderByDescending(x => x.Length).ThenBy(x => x, StringComparer.Ordinal).ToArray();
        ClusterEntries = c.Select(kv => (kv.Key, kv.Value.Item1, kv.Value.Item2)).ToArray();
    }

    /// <summary>
    /// Reads the lexicon from its data files: clusters (bits, word, count), gazetteer (name, kinds separated by
    /// commas, source); the proclitic sequences are those of the project's clitic table (<see cref="ProcliticTable"/>).
    /// </summary>
    public static NerLexicon FromFiles(string clustersPath, string gazetteerPath)
    {
        var clusters = TsvLexicon.ReadRows(clustersPath)
            .Where(r => r.Length >= 2)
            .Select(r => (r[1], r[0], r.Length > 2 && int.TryParse(r[2], out var c) ? c : 0));
        var names = TsvLexicon.ReadRows(gazetteerPath)
            .Where(r => r.Length >= 2)
            .Select(r => (r[0], ParseKinds(r[1], gazetteerPath)));
        var proclitics = ProcliticTable.Default.NounSequences.Select(p => p.Prefix);
        return new NerLexicon(clusters, names, proclitics);
    }

    /// <summary>Parses "Country,Locality" into flags; an unknown name is an error that lists the valid ones.</summary>
    public static GazetteerKinds ParseKinds(string text, string source)
    {
        var kinds = GazetteerKinds.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<GazetteerKinds>(part, false, out var k) || k == GazetteerKinds.None)
            {
                throw new InvalidDataException($"{source}: unknown gazetteer kind '{part}'; valid: {string.Join(", ", Enum.GetNames<GazetteerKinds>().Skip(1))}");
            }

            kinds |= k;
        }

        return kinds;
    }

    /// <summary>
    /// How words were tagged in unlabeled news by an earlier model (see <see cref="CorpusTagProfiler"/>): word and
    /// comma-separated "TYPE:bucket" items.
    /// </summary>
    public IReadOnlyList<(string Word, string Profile)> TagProfiles => _profiles.Select(kv => (kv.Key, string.Join(',', kv.Value))).ToArray();

    /// <summary>The tag-profile items of a normalized word, or an empty array.</summary>
    public string[] TagProfile(ReadOnlySpan<char> word) => _profileLookup.TryGetValue(word, out var p) ? p : [];

    /// <summary>A copy of this lexicon with the given tag profiles.</summary>
    public NerLexicon WithTagProfiles(IEnumerable<(string Word, string Profile)> profiles) => new(ClusterEntries, Names, _proclitics, profiles);

    /// <summary>The longest gazetteer name, in tokens (capped at 8).</summary>
    public int MaxPhraseLength { get; }

    /// <summary>The gazetteer names as given (normalized, single spaces), for saving.</summary>
    public IReadOnlyList<(string Name, GazetteerKinds Kinds)> Names { get; }

    /// <summary>The cluster entries, for saving.</summary>
    public IReadOnlyList<(string Word, string Bits, int Count)> ClusterEntries { get; }

    /// <summary>The proclitic sequences, longest first.</summary>
    public IReadOnlyList<string> Proclitics => _proclitics;

    /// <summary>The cluster bit string of a normalized word, or null.</summary>
    public string? Cluster(ReadOnlySpan<char> word) => _clusterLookup.TryGetValue(word, out var e) ? e.Bits : null;

    /// <summary>The corpus frequency of a normalized word (0 when not in the cluster vocabulary).</summary>
    public int Frequency(ReadOnlySpan<char> word) => _clusterLookup.TryGetValue(word, out var e) ? e.Count : 0;

    /// <summary>Whether some gazetteer name longer than the tokens chained into <paramref name="key"/> starts with them.</summary>
    public bool PhrasePrefix(ulong key) => _phrasePrefixes.Contains(key);

    /// <summary>The kinds of the gazetteer phrase whose token hashes were chained with <see cref="PhraseNext"/>.</summary>
    public GazetteerKinds Phrase(ulong key) => _phrases.GetValueOrDefault(key);

    /// <summary>The kinds of a single-token name.</summary>
    public GazetteerKinds Name(ReadOnlySpan<char> word) => _phrases.GetValueOrDefault(PhraseNext(PhraseStart(), FeatureHash.Of(word)));

    public static ulong PhraseStart() => FeatureHash.Start(0x7A7);

    public static ulong PhraseNext(ulong key, ulong tokenHash) => FeatureHash.Mix(key, tokenHash);

    /// <summary>
    /// Length of the proclitic sequence to strip from a normalized word (0 when none), and whether that sequence
    /// includes the article.
    /// </summary>
    public int ProcliticLength(ReadOnlySpan<char> word, out bool article)
    {
        article = false;
        foreach (var p in _proclitics)
        {
            if (word.Length - p.Length < 2 || !word.StartsWith(p, StringComparison.Ordinal))
            {
                continue;
            }

            var hasArticle = p.EndsWith("ال", StringComparison.Ordinal) || p.EndsWith("لل", StringComparison.Ordinal);
            if (hasArticle)
            {
                article = true;
                return p.Length;
            }

            var rest = word[p.Length..];
            var whole = Frequency(word);
            if (whole == 0 || Frequency(rest) > whole)
            {
                return p.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// The form a name lookup uses for a word that may carry particles: the particles (و ف ب ك ل) are removed but the
    /// article kept, so "وبالعراق" and "للعراق" both read "العراق". Returns the word itself when nothing applies.
    /// </summary>
    public string LookupForm(string word)
    {
        var n = ProcliticLength(word, out var article);
        if (n == 0)
        {
            return word;
        }

        if (!article)
        {
            return word[n..];
        }

        // "لل" is the preposition ل followed by the article whose alef is not written.
        return word.AsSpan(0, n).EndsWith("لل", StringComparison.Ordinal) ? string.Concat("ال", word.AsSpan(n)) : word[(n - 2)..];
    }
}
