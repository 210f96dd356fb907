using Marsad.Arabic;

namespace Marsad.Extract.Entities;

/// <summary>
/// Turns the tagger's corpus labels into the document entity types PER, ORG, GPE, LOC, FAC, MISC. Rules:
/// <list type="bullet">
/// <item>PERS (or PER) becomes PER; ORG and MISC stay;</item>
/// <item>a location becomes FAC or LOC when its first word (particles and article removed) or the whole name is a
/// head word of that kind in <c>data/models/ner-place-heads.tsv</c> (مطار, قاعدة … / نهر, جبل …), or when the
/// gazetteer knows the whole name only as a facility or a natural place;</item>
/// <item>any other location is a GPE (country, region, city), which is what most news locations are.</item>
/// </list>
/// </summary>
public sealed class EntityTypeMapper
{
    private static readonly Lazy<EntityTypeMapper> DefaultMapper = new(() => new EntityTypeMapper(
        TsvLexicon.ReadData("models", "ner-place-heads.tsv").Where(r => r.Length >= 2).Select(r => (r[0], r[1])),
        EntityTagger.Default.Lexicon));

    private readonly Dictionary<string, string> _heads;
    private readonly NerLexicon _lexicon;

    public EntityTypeMapper(IEnumerable<(string Head, string Kind)> heads, NerLexicon lexicon)
    {
        _heads = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (head, kind) in heads)
        {
            if (kind is not ("LOC" or "FAC"))
            {
                throw new InvalidDataException($"place head '{head}' has kind '{kind}'; valid: LOC, FAC");
            }

            _heads[head] = kind;
        }

        _lexicon = lexicon;
    }

    /// <summary>The mapper with the committed head words and the default model's gazetteer.</summary>
    public static EntityTypeMapper Default => DefaultMapper.Value;

    /// <summary>The document type of an entity over <paramref name="tokens"/> with the tagger's label.</summary>
    public string Map(string label, IReadOnlyList<string> tokens)
    {
        switch (label)
        {
            case "PERS" or "PER":
                return "PER";
            case "LOC":
                return PlaceKind(tokens);
            default:
                return label;
        }
    }

    private string PlaceKind(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return "GPE";
        }

        var words = new string[tokens.Count];
        for (var i = 0; i < words.Length; i++)
        {
            var norm = NerTextSplitter.LowerLatin(ArabicNormalizer.Normalize(tokens[i]));
            var n = _lexicon.ProcliticLength(norm, out _);
            words[i] = n == 0 ? norm : norm[n..];
        }

        if (_heads.TryGetValue(string.Join(' ', words), out var kind) || _heads.TryGetValue(words[0], out kind))
        {
            return kind;
        }

        var key = NerLexicon.PhraseStart();
        for (var i = 0; i < tokens.Count; i++)
        {
            var norm = NerTextSplitter.LowerLatin(ArabicNormalizer.Normalize(tokens[i]));
            key = NerLexicon.PhraseNext(key, FeatureHash.Of(i == 0 ? _lexicon.LookupForm(norm) : norm));
        }

        var kinds = _lexicon.Phrase(key);
        const GazetteerKinds Political = GazetteerKinds.Country | GazetteerKinds.Region | GazetteerKinds.Locality;
        if ((kinds & Political) == 0)
        {
            if ((kinds & GazetteerKinds.Facility) != 0)
            {
                return "FAC";
            }

            if ((kinds & GazetteerKinds.Location) != 0)
            {
                return "LOC";
            }
        }

        return "GPE";
    }
}
