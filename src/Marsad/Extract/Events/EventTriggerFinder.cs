using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>
/// Finds trigger words of <c>triggers.tsv</c> in a range of tokens: a two-word form first ("بيان مشترك"), else the
/// token's stem, its form, or its form without a leading و/ف; a verb form with the article or after a preposition is a
/// noun and no trigger. A trigger that needs a word near it (a launch needs a
/// weapon, a meeting verb a talks noun, a delivery a message) keeps only when such a word lies within
/// <see cref="NeedsBefore"/> tokens before or <see cref="NeedsAfter"/> after it, in its sentence; an order needs what it
/// orders, a complement with ب. A verb that a complement with ب gives another sense (<c>other-senses.tsv</c>: "أقر بـ",
/// admitted) is no trigger then.
/// </summary>
internal sealed class EventTriggerFinder(EventLexicon lexicon)
{
    /// <summary>Wide enough for a relative clause's antecedent ("الجولة … التي انطلقت").</summary>
    private const int NeedsBefore = 6;

    /// <summary>Wide enough for a verb's subject between it and its object ("تسلم وزير الخارجية فؤاد حسين رسالة").</summary>
    private const int NeedsAfter = 8;

    /// <param name="reported">the document's last event of each kind (<see cref="EventTrigger.Kind"/>) so far: a
    /// definite noun of one needs nothing near it, it refers back ("انفجار عبوة ناسفة" … "ووقع التفجير قرب سوق"), except
    /// in "على الإطلاق" (at all).</param>
    public List<TriggerHit> Find(EventText text, int first, int end, (int First, int End) sentence, IReadOnlyDictionary<string, EventMention>? reported = null)
    {
        var hits = new List<TriggerHit>();
        for (var i = first; i < end; i++)
        {
            if (!text.IsWord(i))
            {
                continue;
            }

            EventTrigger? trigger;
            var length = 1;
            if (i + 1 < end && text.TryLookupPair(lexicon.Triggers, i, out var pair))
            {
                trigger = pair;
                length = 2;
            }
            else if (!text.TryLookup(lexicon.Triggers, i, out trigger))
            {
                continue;
            }

            // A verb never takes the article ("الاتفاق" is not "اتفق").
            if (trigger.IsVerb && (text.Prefix(i).EndsWith("ال") || (i > first && text.Form(i - 1) is "علي" or "في" or "من" or "الي" or "عن" or "مع")))
            {
                // "على صوت إطلاق نار": after a preposition the word is a noun ("صوت" a sound, not "صوّت" voted).
                continue;
            }

            // "أطلق عليها اسم …" (named it): a launch verb with على and a pronoun names, it fires nothing.
            if (trigger.Needs == "weapon" && i + length < end && text.Stem(i + length) is "علي"
                && i + length < text.Segments.Count && text.Segments[i + length].SuffixLength > 0)
            {
                continue;
            }

            // "بأمر من الرئيس": a perfect verb takes no ب; with it the word is a noun.
            if (trigger.Pos == "verb" && text.Prefix(i).Contains('ب'))
            {
                continue;
            }

            // "أقر التحالف بتنفيذ عمل عسكري": with a complement in ب the verb admits; it decides nothing.
            if (trigger.IsVerb && text.TryLookup(lexicon.OtherSenses, i, out _) && HasComplementWithBi(text, i + length, end))
            {
                continue;
            }

            var refersBack = false;
            if (trigger.Needs is { } needs && !HasNear(text, i, length, needs, sentence))
            {
                refersBack = reported is not null && reported.ContainsKey(trigger.Kind) && !trigger.IsVerb && length == 1 && text.Prefix(i).EndsWith("ال")
                    && !(i > first && text.Form(i - 1) is "علي");
                if (!refersBack)
                {
                    continue;
                }
            }

            hits.Add(new TriggerHit(i, length, trigger, refersBack));
            i += length - 1;
        }

        return hits;
    }

    /// <summary>A word with ب that is no name (a verbal noun, "بتنفيذ"; "بأن") among the few words after a verb, before any punctuation.</summary>
    private static bool HasComplementWithBi(EventText text, int from, int end)
    {
        for (var i = from; i < Math.Min(end, from + 6); i++)
        {
            if (text.IsPunctuation(i))
            {
                return false;
            }

            if (text.IsWord(i) && text.EntityStartingAt(i) < 0 && (text.Prefix(i).Contains('ب') || text.Form(i) is "بان" or "بانه" or "بانها" or "بانهم") && !text.Times.Any(t => t.Span.Overlaps(text.Tokens[i].Span)))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasNear(EventText text, int at, int length, string needs, (int First, int End) sentence)
    {
        // "أمر الرئيس بوتين باتخاذ إجراءات": an order names what it orders with ب.
        if (needs == "bi")
        {
            return HasComplementWithBi(text, at + length, sentence.End);
        }

        // Windows count words, not punctuation.
        var from = at;
        for (var words = 0; from > sentence.First && words < NeedsBefore; from--)
        {
            words += text.IsWord(from - 1) ? 1 : 0;
        }

        var to = at + length;
        for (var words = 0; to < sentence.End && words < NeedsAfter; to++)
        {
            words += text.IsWord(to) ? 1 : 0;
        }

        for (var i = from; i < to; i++)
        {
            if (i >= at && i < at + length)
            {
                continue;
            }

            if (needs == "weapon")
            {
                if (text.TryLookup(lexicon.Weapons, i, out _))
                {
                    return true;
                }
            }
            else if (needs == "force" && text.TryLookup(lexicon.Triggers, i, out var t) && t.IsForce)
            {
                return true;
            }
            else if (text.TryLookup(lexicon.CueWords, i, out var kind) && kind == needs)
            {
                return true;
            }
        }

        return false;
    }
}
