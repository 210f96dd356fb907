namespace Marsad.Extract.Events;

/// <summary>
/// Reads the modality of a trigger from its clause. Rules, in order:
/// <list type="bullet">
/// <item>a negation (لم، لن، لا، ما…) within <see cref="Window"/> words before it: negated;</item>
/// <item>a purpose ل on the trigger (not on an attack noun: "تتعرض لهجمات"); سوف or a future word (المزمع، المقبلة…)
/// near it; or the future prefix س on the trigger or on a verb just before it: future, even under a condition;</item>
/// <item>a conditional (في حال، إذا، لو، لولا) anywhere in the clause: conditional;</item>
/// <item>a word of stopping or preventing (وقف، منعا، وضع حد…) within <see cref="Window"/> words before it: prevented
/// ("لوضع حد لاستمرار تلك الهجمات" speaks of attacks to end, not of one that happened or is vowed);</item>
/// <item>a governor (مواصلة، استمرار…) within <see cref="Window"/> words before it: governed.</item>
/// </list>
/// What the event layer does with each: a negated, prevented or merely conditional event is dropped; a future or governed
/// attack is a threat (or nothing, when the sentence has its own threat); the others are dropped unless a threat or a
/// demand, which speak of the future by nature.
/// </summary>
internal sealed class ModalityFilter(EventLexicon lexicon)
{
    /// <summary>The future prefix س on an imperfect verb (ستوجه، سيتم، سنواصل), with or without و/ف.</summary>
    private static readonly System.Text.RegularExpressions.Regex FuturePrefix = new(
        @"^[وف]?س(?<person>[يتن])\p{L}{2,}$", System.Text.RegularExpressions.RegexOptions.Compiled, TimeSpan.FromMilliseconds(100));

    private const int Window = 3;

    public Modality Of(EventText text, Clause clause, int trigger, bool purposeExempt = false)
    {
        var from = Math.Max(clause.First, trigger - Window);
        for (var i = trigger - 1; i >= from; i--)
        {
            if (text.TryLookup(lexicon.Modality, i, out var kind) && kind == "negation")
            {
                return Modality.Negated;
            }
        }

        // A purpose ل on the trigger ("لعقد محادثات") speaks of what is to come.
        var own = text.Prefix(trigger);
        if (own.Contains('ل') && !own.EndsWith("ال") && !purposeExempt)
        {
            return Modality.Future;
        }

        for (var i = trigger; i >= from; i--)
        {
            if (text.IsWord(i) && (text.Prefix(i).Contains('س') || (i >= trigger - 1 && FuturePrefix.IsMatch(text.Form(i))
                && !(text.TryLookup(lexicon.Modality, i, out var not) && not == "not-future"))))
            {
                return Modality.Future;
            }
        }

        for (var i = from; i < Math.Min(clause.End, trigger + 3); i++)
        {
            if (text.TryLookup(lexicon.Modality, i, out var kind) && kind == "future")
            {
                return Modality.Future;
            }
        }

        for (var i = trigger - 1; i >= from; i--)
        {
            if (text.TryLookup(lexicon.Modality, i, out var kind) && kind == "stop")
            {
                return Modality.Prevented;
            }
        }

        for (var i = trigger - 1; i >= from; i--)
        {
            if (text.TryLookup(lexicon.Modality, i, out var kind) && kind == "governor")
            {
                return Modality.Governed;
            }
        }

        for (var i = clause.First; i < clause.End; i++)
        {
            if ((text.TryLookupPair(lexicon.Modality, i, out var pair) && pair == "conditional")
                || (text.TryLookup(lexicon.Modality, i, out var kind) && kind == "conditional"))
            {
                return Modality.Conditional;
            }
        }

        return Modality.Fact;
    }

    /// <summary>
    /// "وكانت الحكومة العراقية في بغداد قد أعلنت حظرا للتجول": كان, then قد, before the trigger in its clause, is the
    /// pluperfect that tells what had happened before the news; "وفي وقت سابق، أعلنت السلطات" sets it earlier: background.
    /// </summary>
    public bool IsBackground(EventText text, Clause clause, int trigger, int sentenceFirst)
    {
        for (var i = sentenceFirst; i < trigger; i++)
        {
            if (text.TryLookupPair(lexicon.Modality, i, out var pair) && pair == "earlier")
            {
                return true;
            }
        }

        var auxiliary = false;
        for (var i = clause.First; i < trigger; i++)
        {
            if (text.TryLookup(lexicon.Modality, i, out var kind))
            {
                auxiliary |= kind == "past-auxiliary";
                if (auxiliary && kind == "perfect")
                {
                    return true;
                }
            }
        }

        return false;
    }
}
