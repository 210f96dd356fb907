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
        // The mentions kept so far, in the order they were added (removed ones are marked, not moved, so the final sort
        // sees them in the same order as ever); overlaps are found through an index by start, among the starts no
        // longer than the longest mention before the candidate, rather than by a pass over every mention per candidate,
        // which is quadratic in the length of the document.
        var result = new List<EntityMention>(lexicon);
        var removed = new List<bool>(result.Select(_ => false));
        var byStart = new SortedSet<(int Start, int Index)>(result.Select((m, i) => (m.Span.Start, i)));
        var longest = result.Count == 0 ? 0 : result.Max(m => m.Span.Length);
        foreach (var t in tagger)
        {
            var overlapping = new List<int>();
            var (from, to) = (t.Span.Start - longest, t.Span.End - 1);
            if (from <= to)
            {
                foreach (var (_, index) in byStart.GetViewBetween((from, int.MinValue), (to, int.MaxValue)))
                {
                    if (result[index].Span.Overlaps(t.Span))
                    {
                        overlapping.Add(index);
                    }
                }
            }

            if (overlapping.Count > 0)
            {
                var contains = overlapping.All(i => result[i].Type == t.Type && t.Span.Start <= result[i].Span.Start
                                                    && result[i].Span.End <= t.Span.End && t.Span.Length > result[i].Span.Length);
                if (!contains)
                {
                    continue;
                }

                foreach (var i in overlapping)
                {
                    removed[i] = true;
                    byStart.Remove((result[i].Span.Start, i));
                }
            }

            byStart.Add((t.Span.Start, result.Count));
            result.Add(t);
            removed.Add(false);
            longest = Math.Max(longest, t.Span.Length);
        }

        var merged = result.Where((_, i) => !removed[i]).ToList();
        merged.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        return merged;
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
