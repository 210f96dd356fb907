using Marsad.Extract.Events;
using Marsad.Ingest.Metadata;
using Marsad.Model;

namespace Marsad.Extract.Quotes;

/// <summary>
/// Finds reported speech and who said it, sentence by sentence. Rules:
/// <list type="bullet">
/// <item>a speech verb (قال، أكد، أضاف…) reports words: its speaker is the entity right after it (verb-subject order),
/// else the nearest entity before it in the sentence (a topic: "الإطار … وقال"); an entity after ل that is an outlet is
/// the channel ("قالت مصادر لوكالة رويترز");</item>
/// <item>a relay (نقلت X عن Y): X is the channel and Y the speaker; when Y is not a named entity but carries a state
/// adjective ("مسؤولين أمريكيين"), the speaker is that state;</item>
/// <item>a receipt ("في بيان تلقته X"): X is the channel;</item>
/// <item>a source phrase (بحسب X، وفقاً لـ X، نقلاً عن X): X is the channel of the sentence's words; alone in its
/// sentence it makes a quote of its own with no named speaker;</item>
/// <item>a cue verb with the article is a noun (النقل), not a cue;</item>
/// <item>the quote's span is the quoted text after the cue (between “ ” « » or "), else the clause after أن/إن,
/// else the rest of the sentence.</item>
/// </list>
/// </summary>
public sealed class QuoteExtractor(QuoteLexicon lexicon, EventLexicon events)
{
    private const int SubjectWindow = 4;
    private static readonly Lazy<QuoteExtractor> DefaultInstance = new(() => new QuoteExtractor(QuoteLexicon.Default, EventLexicon.Default));

    public static QuoteExtractor Default => DefaultInstance.Value;

    public IReadOnlyList<QuoteMention> Extract(Document document)
    {
        if (!document.Has(Layers.Tokens))
        {
            return [];
        }

        var text = new EventText(document);
        var quotes = new List<QuoteMention>();
        foreach (var sentence in text.Sentences)
        {
            var before = quotes.Count;
            string? source = null;
            var sourceCue = default(TextSpan);
            var sourceText = "";
            for (var i = sentence.First; i < sentence.End; i++)
            {
                if (!text.IsWord(i))
                {
                    continue;
                }

                var length = 1;
                if (text.TryLookupPair(lexicon.Cues, i, out var kind))
                {
                    length = 2;
                }
                else if (!text.TryLookup(lexicon.Cues, i, out kind))
                {
                    continue;
                }

                // A verb never takes the article: "النقل" is transport, not "نقل".
                if (kind is not "source" && text.Prefix(i).EndsWith("ال"))
                {
                    continue;
                }

                var cueSpan = text.SpanOf(i, i + length);
                var cue = cueSpan.Of(text.Text).TrimStart('و', 'ف');
                var next = i + length;
                switch (kind)
                {
                    case "speech":
                    {
                        var speaker = EntityAfter(text, next, sentence.End, SubjectWindow, allowL: false) ?? EntityBefore(text, sentence.First, i);
                        var via = ChannelAfterL(text, next, sentence.End) ?? Receipt(text, next, sentence.End);
                        if (via is not null && via == speaker)
                        {
                            // "قالت مصادر لوكالة رويترز": the agency carried the words; the sources are unnamed.
                            speaker = null;
                        }

                        quotes.Add(new QuoteMention(Content(text, next, sentence.End), cue, speaker, via, cueSpan));
                        break;
                    }

                    case "relay":
                    {
                        var via = EntityAfter(text, next, sentence.End, SubjectWindow, allowL: false);
                        var an = FindForm(text, next, Math.Min(sentence.End, next + 6), "عن");
                        var speaker = an < 0 ? null : EntityAfter(text, an + 1, sentence.End, 2, allowL: false) ?? StateAfter(text, an + 1, sentence.End);
                        if (via is not null && via == speaker)
                        {
                            speaker = null;
                        }

                        quotes.Add(new QuoteMention(Content(text, an < 0 ? next : an + 1, sentence.End), cue, speaker, via, cueSpan));
                        break;
                    }

                    case "source":
                        source ??= EntityAfter(text, next, sentence.End, 2, allowL: true);
                        if (source is not null && sourceCue == default)
                        {
                            sourceCue = cueSpan;
                            sourceText = cue;
                        }

                        break;
                }

                i += length - 1;
            }

            if (source is null)
            {
                continue;
            }

            if (quotes.Count > before)
            {
                for (var q = before; q < quotes.Count; q++)
                {
                    if (quotes[q].Via is null && quotes[q].Speaker != source)
                    {
                        quotes[q] = quotes[q] with { Via = source };
                    }
                }
            }
            else
            {
                var span = text.SpanOf(sentence.First, sentence.End);
                var end = sourceCue.Start > span.Start ? sourceCue.Start : span.End;
                quotes.Add(new QuoteMention(Trim(text.Text, new TextSpan(span.Start, end)), sourceText, null, source, sourceCue));
            }
        }

        return quotes;
    }

    private static int FindForm(EventText text, int from, int to, string form)
    {
        for (var i = from; i < to; i++)
        {
            if (text.Form(i).SequenceEqual(form))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? EntityAfter(EventText text, int from, int end, int window, bool allowL)
    {
        for (var i = from; i < Math.Min(end, from + window); i++)
        {
            var e = text.EntityStartingAt(i);
            if (e >= 0)
            {
                var prefix = text.Prefix(i);
                if (!allowL && prefix.Contains('ل') && !prefix.EndsWith("ال"))
                {
                    return null;
                }

                return text.Entities[e].Ref;
            }

            if (text.IsPunctuation(i) && text.Text[text.Tokens[i].Span.Start] is ',' or '،' or ':' && i > from)
            {
                return null;
            }
        }

        return null;
    }

    private static string? EntityBefore(EventText text, int from, int cue)
    {
        // Entity first tokens never decrease (EventText assigns them in one forward pass): search for the last entity
        // starting before the cue, then walk back within [from, cue), rather than over every entity per cue.
        var tokens = text.EntityTokens;
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].First < cue)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var e = lo - 1; e >= 0 && tokens[e].First >= from; e--)
        {
            if (text.Entities[e].Place is null)
            {
                return text.Entities[e].Ref;
            }
        }

        return null;
    }

    /// <summary>"قالت مصادر لوكالة رويترز": an outlet after ل, within the words after the cue, is the channel.</summary>
    private static string? ChannelAfterL(EventText text, int from, int end)
    {
        for (var i = from; i < Math.Min(end, from + SubjectWindow + 1); i++)
        {
            var e = text.EntityStartingAt(i);
            if (e >= 0 && IsOutlet(text, e))
            {
                var prefix = text.Prefix(i);
                var previous = i > 0 ? text.Prefix(i - 1) : default;
                if ((prefix.Contains('ل') && !prefix.EndsWith("ال")) || (i > from && previous.Contains('ل')))
                {
                    return text.Entities[e].Ref;
                }
            }

            if (text.IsPunctuation(i))
            {
                break;
            }
        }

        return null;
    }

    private string? Receipt(EventText text, int from, int end)
    {
        for (var i = from; i < Math.Min(end, from + 8); i++)
        {
            if (text.TryLookup(lexicon.Cues, i, out var kind) && kind == "receipt")
            {
                return EntityAfter(text, i + 1, end, 3, allowL: true);
            }
        }

        return null;
    }

    private string? StateAfter(EventText text, int from, int end)
    {
        for (var i = from; i < Math.Min(end, from + 3); i++)
        {
            if (text.TryLookup(events.StateAdjectives, i, out var state))
            {
                return state;
            }
        }

        return null;
    }

    private static bool IsOutlet(EventText text, int e) =>
        text.Entities[e].Actor is { Kind: "outlet" or "agency" } || OutletCatalog.Default.Find(text.Entities[e].Mention.Text) is not null;

    /// <summary>The quoted words after the cue: a quotation, else the أن/إن clause, else the rest of the sentence.</summary>
    private static TextSpan Content(EventText text, int from, int end)
    {
        if (from >= end)
        {
            return text.SpanOf(Math.Max(0, end - 1), end);
        }

        var span = text.SpanOf(from, end);
        var s = text.Text;
        for (var i = from; i < end; i++)
        {
            var c = s[text.Tokens[i].Span.Start];
            if (text.IsPunctuation(i) && c is '“' or '«' or '"')
            {
                var close = c switch { '“' => '”', '«' => '»', _ => '"' };
                var open = text.Tokens[i].Span.Start + 1;
                var shut = s.IndexOf(close, open);
                if (shut > open)
                {
                    return Trim(s, new TextSpan(open, shut));
                }
            }

            if (text.Form(i) is "ان" or "انه" or "انها" or "انهم" && i + 1 < end)
            {
                return Trim(s, new TextSpan(text.Tokens[i].Span.Start, span.End));
            }
        }

        return Trim(s, span);
    }

    private static TextSpan Trim(string s, TextSpan span)
    {
        int a = span.Start, b = span.End;
        while (a < b && (char.IsWhiteSpace(s[a]) || s[a] is '،' or ',' or ':'))
        {
            a++;
        }

        while (b > a && (char.IsWhiteSpace(s[b - 1]) || s[b - 1] is '،' or ',' or '.'))
        {
            b--;
        }

        return new TextSpan(a, b);
    }
}
