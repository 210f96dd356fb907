using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>
/// Splits a sentence into clauses, a light model of Arabic clause structure. A new clause opens:
/// <list type="bullet">
/// <item>after ؛ ; : and after a comma that a verb (a trigger verb or a reporting verb) follows;</item>
/// <item>at a relative pronoun (الذي، التي…), a subordinator (إذ، حيث…) or a phrase that sets the event against another
/// ("قبيل ساعات من تدشين السفارة في القدس": its place is the other event's) of <c>clause-markers.tsv</c>;</item>
/// <item>at the complementizer أن/إن, which opens reported speech;</item>
/// <item>at a verb trigger or a reporting verb that carries و or ف (a coordinated verb starts a clause).</item>
/// </list>
/// </summary>
internal sealed class ClauseSplitter(EventLexicon lexicon, WordTable<string> speechCues)
{
    public List<Clause> Split(EventText text, int first, int end)
    {
        var clauses = new List<Clause>(4);
        var start = first;
        var relative = false;
        for (var i = first; i < end; i++)
        {
            if (i == start)
            {
                continue;
            }

            bool opens;
            var isRelative = false;
            if (text.IsPunctuation(i))
            {
                var c = text.Text[text.Tokens[i].Span.Start];
                if (c is '؛' or ';' or ':')
                {
                    Close(i + 1);
                    continue;
                }

                opens = (c is '،' or ',') && i + 1 < end && IsVerb(text, i + 1);
                if (opens)
                {
                    Close(i + 1);
                }

                continue;
            }

            if (text.TryLookup(lexicon.ClauseMarkers, i, out var kind) || text.TryLookupPair(lexicon.ClauseMarkers, i, out kind))
            {
                opens = true;
                isRelative = kind == "relative";
            }
            else
            {
                var form = text.Form(i);
                opens = form is "ان" or "انه" or "انها" or "انهم" or "بان" or "بانه" or "بانها"
                    || ((form.StartsWith('و') || form.StartsWith('ف')) && IsVerb(text, i));
            }

            if (opens)
            {
                Close(i);
                relative = isRelative;
            }
        }

        Close(end);
        return clauses;

        void Close(int at)
        {
            if (at > start)
            {
                clauses.Add(new Clause(start, at, relative));
                start = at;
                relative = false;
            }
        }
    }

    private bool IsVerb(EventText text, int i) =>
        text.Tokens[i].Kind == TokenKind.Word
        && ((text.TryLookup(lexicon.Triggers, i, out var t) && t.IsVerb) || text.TryLookup(speechCues, i, out var cue) && cue == "speech");
}
