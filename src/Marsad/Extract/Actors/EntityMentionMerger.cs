using Marsad.Model;

namespace Marsad.Extract.Actors;

/// <summary>
/// Combines the mentions of the curated lexicon (precise spans, known actors and places) with the tagger's
/// (names no table holds). Rules:
/// <list type="bullet">
/// <item>a lexicon mention always stays;</item>
/// <item>a tagger mention that overlaps no lexicon mention is added;</item>
/// <item>a tagger mention that overlaps one is dropped, except when it strictly contains lexicon mentions of its
/// own type (a full name around a known surname), when it replaces them;</item>
/// <item>the result is in text order, without overlaps.</item>
/// </list>
/// </summary>
public static class EntityMentionMerger
{
    public static IReadOnlyList<EntityMention> Merge(IReadOnlyList<EntityMention> lexicon, IReadOnlyList<EntityMention> tagger)
    {
        var result = new List<EntityMention>(lexicon);
        foreach (var t in tagger)
        {
            var overlapping = result.Where(m => m.Span.Overlaps(t.Span)).ToList();
            if (overlapping.Count == 0)
            {
                result.Add(t);
                continue;
            }

            var contains = overlapping.All(m => m.Type == t.Type && t.Span.Start <= m.Span.Start && m.Span.End <= t.Span.End
                                                 && t.Span.Length > m.Span.Length);
            if (contains)
            {
                result.RemoveAll(m => overlapping.Contains(m));
                result.Add(t);
            }
        }

        result.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        return result;
    }

    /// <summary>
    /// Puts in the mentions a rule found (organizations by head and adjective, weapon models): each replaces the
    /// mentions it overlaps, unless a mention already spans it whole and <paramref name="keeps"/> says that one stays.
    /// The result is in text order.
    /// </summary>
    public static IReadOnlyList<EntityMention> PutIn(IReadOnlyList<EntityMention> mentions, IReadOnlyList<EntityMention> found,
        Func<EntityMention, EntityMention, bool> keeps)
    {
        if (found.Count == 0)
        {
            return mentions;
        }

        var result = new List<EntityMention>(mentions);
        foreach (var q in found)
        {
            if (result.Any(m => m.Span.Start <= q.Span.Start && q.Span.End <= m.Span.End && keeps(m, q)))
            {
                continue;
            }

            result.RemoveAll(m => m.Span.Overlaps(q.Span));
            result.Add(q);
        }

        result.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        return result;
    }
}
