using Marsad.Extract.Entities;
using Marsad.Extract.Places;
using Marsad.Ingest.Metadata;
using Marsad.Model;

namespace Marsad.Extract.Actors;

/// <summary>
/// Fills the entity layer: the curated lexicon finds known actors and places, the tagger finds the other names
/// sentence by sentence (a tagger mention loses its leading clitics و ف ب ل ك, but ل fused with the article
/// stays, as in للعراق), the two are merged, organizations named by a head and a nationality adjective are put in
/// (<see cref="QualifiedOrganizations"/>) and weapon models (<see cref="WeaponModels"/>), nisba adjectives read as names and generic nouns alone are dropped (<see cref="NisbaAdjective"/>,
/// <see cref="GenericNouns"/>),
/// and the linker gives every mention its ref against the
/// document's date (dated titles) and geocodes places.
/// </summary>
public sealed class EntityAnnotator : IAnnotator
{
    private readonly ActorMentionFinder _finder;
    private readonly ActorLinker _linker;
    private readonly EntityTagger _tagger;
    private readonly EntityTypeMapper _types;

    public EntityAnnotator(ActorMentionFinder? finder = null, ActorLinker? linker = null, EntityTagger? tagger = null, EntityTypeMapper? types = null)
    {
        _finder = finder ?? ActorMentionFinder.Default;
        _linker = linker ?? ActorLinker.Default;
        _tagger = tagger ?? EntityTagger.Default;
        _types = types ?? EntityTypeMapper.Default;
    }

    public string Name => "entities";

    public IReadOnlyList<ILayerKey> Requires { get; } = [Layers.Normalized, Layers.Tokens, Layers.Segments, Layers.Sentences];

    public IReadOnlyList<ILayerKey> Produces { get; } = [EntityLayers.Entities];

    public void Annotate(Document document)
    {
        var folded = new FoldedText(document.Text);
        var lexicon = _finder.Find(folded);
        var tagged = Tag(document);
        var mentions = EntityMentionMerger.Merge(lexicon, tagged);
        mentions = QualifiedOrganizations.Default.Apply(folded, mentions);
        mentions = WeaponModels.Default.Apply(folded, mentions);
        mentions = NisbaAdjective.Default.Filter(folded, mentions);
        mentions = GenericNouns.Default.Filter(mentions);

        // The tagger often reads an outlet's name as a person; the outlet catalogue knows better. A place stays a
        // place: a paper named after its city (صحيفة الرياض) does not make every الرياض a paper.
        var typed = new Actors.EntityMention[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            typed[i] = m.Type is "PER" or "MISC" && OutletCatalog.Default.Find(m.Text) is not null ? m with { Type = "ORG" } : m;
        }

        mentions = typed;
        document.Set(EntityLayers.Entities, _linker.Link(folded, mentions, document.Published));
    }

    private List<Actors.EntityMention> Tag(Document document)
    {
        var text = document.Text;
        var tokens = document.Get(Layers.Tokens);
        var segments = document.Get(Layers.Segments);
        var normalized = document.TryGet(Layers.Normalized, out var n) ? n : null;
        var sentences = document.Get(Layers.Sentences);

        // Token indices of each sentence; the tagger reads words as written, as it was trained.
        var sentenceTokens = new List<int[]>(sentences.Count);
        var t = 0;
        foreach (var sentence in sentences)
        {
            while (t < tokens.Count && tokens[t].Span.End <= sentence.Span.Start)
            {
                t++;
            }

            var start = t;
            while (t < tokens.Count && tokens[t].Span.Start < sentence.Span.End)
            {
                t++;
            }

            if (t > start)
            {
                sentenceTokens.Add(Enumerable.Range(start, t - start).ToArray());
            }
        }

        var words = sentenceTokens.Select(ids => (IReadOnlyList<string>)ids.Select(i => tokens[i].Span.Of(text)).ToArray()).ToList();
        var tags = _tagger.TagDocument(words);
        var result = new List<Actors.EntityMention>();
        for (var s = 0; s < sentenceTokens.Count; s++)
        {
            foreach (var chunk in BioChunker.Chunks(tags[s]))
            {
                var ids = sentenceTokens[s];
                var chunkWords = words[s].Skip(chunk.Start).Take(chunk.End - chunk.Start).ToArray();
                var type = _types.Map(chunk.Type, chunkWords);
                var first = ids[chunk.Start];
                var last = ids[chunk.End - 1];
                var start = tokens[first].Span.Start + CliticCut(tokens[first], first < segments.Count ? segments[first] : default, normalized);
                var span = new TextSpan(start, tokens[last].Span.End);
                if (span.Length > 1)
                {
                    result.Add(Actors.EntityMention.At(text, span, type));
                }
            }
        }

        return result;
    }

    /// <summary>How many characters of the written token its leading clitics take, the article (and ل fused with it) excepted.</summary>
    private static int CliticCut(Token token, Segmentation segmentation, NormalizedText? normalized)
    {
        if (segmentation.PrefixLength == 0 || normalized is null)
        {
            return 0;
        }

        var prefix = normalized.Text.AsSpan(token.Norm.Start, Math.Min(segmentation.PrefixLength, token.Norm.Length));
        var cut = prefix.Length;
        if (prefix.EndsWith("لل", StringComparison.Ordinal) || prefix.EndsWith("ال", StringComparison.Ordinal))
        {
            cut -= 2;
        }

        // A "clitic" that leaves fewer than three letters is part of the word (كفر حلب is not ك + فر).
        if (cut <= 0 || token.Norm.Length - cut < 3)
        {
            return 0;
        }

        return normalized.ToOriginal[token.Norm.Start + cut] - token.Span.Start;
    }
}
