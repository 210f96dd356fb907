using Marsad.Model;

namespace Marsad.Extract.Events;

/// <summary>
/// Tells a count of many attacks ("63 هجوماً", "أكثر من 150 ضربة", "عشرات الهجمات", "عمليات قصف عديدة") from one
/// event. Rules: a number of two or more ends within two tokens before the trigger (من may stand between); or a
/// quantifier of <c>aggregates.tsv</c> stands within two tokens before it (position <c>before</c>) or right after it
/// (position <c>after</c>, anywhere after it in the clause); a verb whose subject is such a count ("استهدفت عشرات الهجمات").
/// An aggregate is a quantity, never an event.
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
            if (n.Span.End <= start && n.Span.End >= window && n.Value >= 2 && !InTime(text, n))
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

        for (var i = trigger + 1; i < end; i++)
        {
            if (text.TryLookup(lexicon.Aggregates, i, out var position) && position == "after")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number inside a time expression ("في 04 كانون الثاني") counts days, not attacks.</summary>
    private static bool InTime(EventText text, NumberMention n) => text.Times.Any(t => t.Span.Overlaps(n.Span));

    /// <summary>A verb whose subject counts many attacks: "استهدفت أكثر من 150 ضربة"، "واستهدف عدد منها".</summary>
    public bool HasAggregateSubject(EventText text, int trigger, int end)
    {
        var last = Math.Min(end, trigger + 4);
        if (last <= trigger + 1)
        {
            return false;
        }

        var from = text.Tokens[trigger + 1].Span.Start;
        var to = text.Tokens[last - 1].Span.End;
        foreach (var n in text.Numbers)
        {
            if (n.Span.Start >= from && n.Span.End <= to && n.Value >= 2 && !InTime(text, n))
            {
                return true;
            }
        }

        for (var i = trigger + 1; i < last; i++)
        {
            if (text.TryLookup(lexicon.Aggregates, i, out var position) && position == "before")
            {
                return true;
            }
        }

        for (var i = trigger + 1; i < end; i++)
        {
            if (text.TryLookup(lexicon.Aggregates, i, out var position) && position == "after")
            {
                return true;
            }
        }

        return false;
    }
}
