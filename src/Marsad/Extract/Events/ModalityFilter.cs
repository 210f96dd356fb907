namespace Marsad.Extract.Events;

/// <summary>
/// Reads the modality of a trigger from its clause. Rules, in order:
/// <list type="bullet">
/// <item>a negation (لم، لن، لا، ما…) within <see cref="Window"/> words before it: negated;</item>
/// <item>a conditional (في حال، إذا، لو) anywhere in the clause: conditional;</item>
/// <item>سوف, or the future prefix س on the trigger or on a verb within <see cref="Window"/> words before it: future;</item>
/// <item>a governor (مواصلة، استمرار، وقف…) within <see cref="Window"/> words before it: governed.</item>
/// </list>
/// What the event layer does with each: a negated event is dropped; a future, conditional or governed attack is a
/// threat (or nothing, when the sentence has its own threat); the others are dropped unless a threat or a demand,
/// which speak of the future by nature.
/// </summary>
internal sealed class ModalityFilter(EventLexicon lexicon)
{
    private const int Window = 3;

    public Modality Of(EventText text, Clause clause, int trigger)
    {
        var from = Math.Max(clause.First, trigger - Window);
        for (var i = trigger - 1; i >= from; i--)
        {
            if (text.TryLookup(lexicon.Modality, i, out var kind) && kind == "negation")
            {
                return Modality.Negated;
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

        for (var i = trigger; i >= from; i--)
        {
            if (text.Form(i) is "سوف" || (text.Prefix(i).Contains('س') && text.IsWord(i)))
            {
                return Modality.Future;
            }
        }

        for (var i = trigger - 1; i >= from; i--)
        {
            if (text.TryLookup(lexicon.Modality, i, out var kind) && kind == "governor")
            {
                return Modality.Governed;
            }
        }

        return Modality.Fact;
    }
}
