using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>
/// Tells a count of many attacks ("63 هجوماً", "أكثر من 150 ضربة", "عشرات الهجمات", "عمليات قصف عديدة") from one
/// event. Rules: a number of two or more ends within two tokens before the trigger (من may stand between); or a
/// quantifier of <c>aggregates.tsv</c> stands within two tokens before it (position <c>before</c>) or right after it
/// (position <c>after</c>). An aggregate is a quantity, never an event.
/// </summary>
internal sealed class AggregateFilter(EventLexicon lexicon)
{
    public bool IsAggregate(EventText text, int trigger, int first, int end)
    {
        var start = text.Tokens[trigger].Span.Start;
        var from = Math.Max(first, trigger - 2);
        var window = text.Tokens[from].Span.Start;
        foreach (var n in text.Numbers)
        {
            if (n.Span.End <= start && n.Span.End >= window && n.Value >= 2)
            {
                return true;
            }
        }

        for (var i = from; i < trigger; i++)
        {
            if (text.TryLookup(lexicon.Aggregates, i, out var position) && position == "before")
            {
                return true;
            }
        }

        for (var i = trigger + 1; i < Math.Min(end, trigger + 3); i++)
        {
            if (text.TryLookup(lexicon.Aggregates, i, out var position) && position == "after")
            {
                return true;
            }
        }

        return false;
    }
}
