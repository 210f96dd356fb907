using Marsad.Extract.Places;
using Marsad.Model;

namespace Marsad.Extract.Actors;

/// <summary>
/// Finds actor and place mentions in running text by their names in the curated tables and the gazetteer, to be
/// combined with the tagger's mentions. Rules:
/// <list type="bullet">
/// <item>longest match over words; a name never runs across punctuation or a line break;</item>
/// <item>the first word may carry proclitics (و ف ب ل ك and their pairs); the mention leaves them out, except
/// ل fused with the article (للعراق), where the whole word is the mention (the gold annotation policy);</item>
/// <item>"[ctx] alias" needs its context word just before; "~alias" needs the actor named earlier in the text
/// (when two actors share it, the one named last); "?alias" (a descriptive phrase) is not looked for;</item>
/// <item>at equal length: an alias with its context word, then a plain alias, then a place, then an anaphoric
/// alias, then a generic name or title;</item>
/// <item>a facility named right after a facility cue (قاعدة حرير) takes the cue into the mention;</item>
/// <item>a place takes the type of the place it resolves to (GPE, LOC or FAC), in the document's context.</item>
/// </list>
/// Thread-safe: the index is immutable and per-call state stays local.
/// </summary>
public sealed class ActorMentionFinder
{
    private static readonly Lazy<ActorMentionFinder> DefaultInstance = new(() => new ActorMentionFinder(ActorCatalog.Default, PlaceResolver.Default));

    private readonly PhraseIndex _index;
    private readonly PlaceResolver _places;
    private readonly int _maxWords;

    public ActorMentionFinder(ActorCatalog catalog, PlaceResolver places, ActorMentionFinderOptions? options = null)
    {
        Catalog = catalog;
        _places = places;
        _index = new PhraseIndex(catalog, places.Gazetteer, options ?? new ActorMentionFinderOptions());
        _maxWords = 16;
    }

    public static ActorMentionFinder Default => DefaultInstance.Value;

    public ActorCatalog Catalog { get; }

    /// <summary>The mentions of a text, in text order.</summary>
    public IReadOnlyList<EntityMention> Find(string text) => Find(new FoldedText(text));

    public IReadOnlyList<EntityMention> Find(FoldedText text)
    {
        var found = new List<EntityMention>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var context = new PlaceContext();
        var buffer = new char[512];
        var i = 0;
        while (i < text.Words.Count)
        {
            Candidate? best = null;
            var word = NameKey.CanonicalWord(text.Word(i));
            if (word.Length > buffer.Length / 2)
            {
                i++;
                continue;
            }

            word.CopyTo(buffer);
            Extend(text, i, word.Length, 0, false, seen, buffer, ref best);
            foreach (var (prefix, restores) in _places.Proclitics.Prefixes)
            {
                if (word.Length - prefix.Length >= 2 && word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    // The stem (with the article ل took, if any) goes into the buffer without a string per reading.
                    restores.CopyTo(buffer);
                    word[prefix.Length..].CopyTo(buffer.AsSpan(restores.Length));
                    Extend(text, i, restores.Length + word.Length - prefix.Length, prefix.Length, restores.Length > 0, seen, buffer, ref best);
                }
            }

            // A doubled alif of the article (االسعودية) is a typing slip: the word is read with the article.
            if (word.Length > 4 && word.StartsWith("اال", StringComparison.Ordinal))
            {
                word[1..].CopyTo(buffer);
                Extend(text, i, word.Length - 1, 1, true, seen, buffer, ref best);
            }

            if (best is not { } b)
            {
                i++;
                continue;
            }

            var start = text.Words[i].Start + (b.Fused ? 0 : b.Prefix);
            var end = text.Words[b.Last].End;
            var span = text.ToOriginal(start, end);
            string? type = null;
            if (b.Alias is { } alias)
            {
                type = alias.Actor.Type;
                seen[alias.Actor.Id] = found.Count + 1;
                context.Observe(alias.Actor.Country);
            }
            else if (b.TitleType is not null)
            {
                type = b.TitleType;
            }
            else
            {
                var match = _places.Resolve(text, span, null, context);
                if (match is not null)
                {
                    type = match.Place.Type;
                    context.Observe(match.Place);
                    if (type == "FAC" && FacilityCueBefore(text, i) is { } cueStart)
                    {
                        span = new TextSpan(text.ToOriginal(cueStart), span.End);
                    }
                }
            }

            if (type is not null)
            {
                found.Add(EntityMention.At(text.Original, span, type));
            }

            i = b.Last + 1;
        }

        return found;
    }

    /// <summary>Extends the phrase whose first word (a stem of <paramref name="stemLength"/> characters) is in the buffer.</summary>
    private void Extend(FoldedText text, int first, int stemLength, int prefix, bool fused, Dictionary<string, int> seen, char[] buffer, ref Candidate? best)
    {
        var length = stemLength;
        for (var j = first; ; j++)
        {
            var node = _index.Find(buffer.AsSpan(0, length));
            if (node is null)
            {
                return;
            }

            Consider(text, first, j, prefix, fused, node, seen, ref best);
            if (!node.HasLonger || j + 1 >= text.Words.Count || !text.Joined(j + 1) || j + 1 - first >= _maxWords)
            {
                return;
            }

            var next = NameKey.CanonicalWord(text.Word(j + 1));
            if (length + 1 + next.Length > buffer.Length)
            {
                return;
            }

            buffer[length++] = ' ';
            next.CopyTo(buffer.AsSpan(length));
            length += next.Length;
        }
    }

    private void Consider(FoldedText text, int first, int last, int prefix, bool fused, PhraseNode node, Dictionary<string, int> seen, ref Candidate? best)
    {
        var words = last - first + 1;
        foreach (var alias in node.Aliases)
        {
            double priority;
            if (alias.Context is not null)
            {
                if (!ContextBefore(text, first, alias.Context))
                {
                    continue;
                }

                priority = 3;
            }
            else if (alias.Anaphoric)
            {
                if (!seen.TryGetValue(alias.Actor.Id, out var named))
                {
                    continue;
                }

                // Among short forms two actors share (~الهيئة), the one named last.
                priority = 1 + (0.5 * named / (named + 1.0));
            }
            else
            {
                priority = 2.5;
            }

            Offer(new Candidate(last, prefix, fused, words, priority, alias, null), ref best);
        }

        if (node.Place)
        {
            Offer(new Candidate(last, prefix, fused, words, 2, null, null), ref best);
        }

        if (node.TitleType is not null)
        {
            Offer(new Candidate(last, prefix, fused, words, 0.5, null, node.TitleType), ref best);
        }
    }

    private static void Offer(Candidate c, ref Candidate? best)
    {
        if (best is not { } b || c.Words > b.Words || (c.Words == b.Words && (c.Priority > b.Priority || (c.Priority == b.Priority && c.Prefix < b.Prefix))))
        {
            best = c;
        }
    }

    private bool ContextBefore(FoldedText text, int first, string context)
    {
        if (first == 0 || !text.Joined(first))
        {
            return false;
        }

        var word = text.Word(first - 1).ToString();
        if (word == context)
        {
            return true;
        }

        foreach (var (stem, _, _) in _places.Proclitics.Strip(word))
        {
            if (stem == context)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The folded start of a facility cue word right before word <paramref name="first"/> (its proclitics left out), or null.</summary>
    private int? FacilityCueBefore(FoldedText text, int first)
    {
        if (first == 0 || !text.Joined(first))
        {
            return null;
        }

        var word = text.Word(first - 1).ToString();
        var start = text.Words[first - 1].Start;
        if (_places.Gazetteer.Cue(word) is { IsFacility: true })
        {
            return start;
        }

        foreach (var (stem, prefix, fused) in _places.Proclitics.Strip(word))
        {
            if (_places.Gazetteer.Cue(stem) is { IsFacility: true })
            {
                return fused ? start : start + prefix;
            }
        }

        return null;
    }

    private readonly record struct Candidate(int Last, int Prefix, bool Fused, int Words, double Priority, ActorAlias? Alias, string? TitleType);
}
