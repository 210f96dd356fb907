namespace Marsad.Evaluation;

/// <summary>
/// score.py <c>align</c>: a monotonic alignment of gold mentions (by position in the raw file) to system mentions
/// (by start). From just after the last match, within a window of the next system mentions, an exact normalized text
/// match wins, else the first overlapping one.
/// </summary>
public static class MentionAligner
{
    public static List<(T Gold, TSys System)> Align<T, TSys>(
        IEnumerable<T> gold,
        IReadOnlyList<TSys> system,
        Func<T, long> position,
        Func<T, string> goldText,
        Func<TSys, string> systemText,
        Func<T, TSys, bool> same,
        int window = 12)
    {
        var used = new HashSet<int>();
        var pairs = new List<(T, TSys)>();
        var j0 = 0;
        foreach (var g in gold.OrderBy(position))
        {
            var gt = EvalText.Norm(goldText(g));
            int? exact = null;
            int? loose = null;
            for (var j = j0; j < Math.Min(system.Count, j0 + window); j++)
            {
                if (used.Contains(j) || !same(g, system[j]))
                {
                    continue;
                }

                var st = systemText(system[j]);
                if (exact is null && EvalText.Norm(st) == gt)
                {
                    exact = j;
                }

                if (loose is null && EvalText.Overlap(goldText(g), st))
                {
                    loose = j;
                }
            }

            if ((exact ?? loose) is { } pick)
            {
                used.Add(pick);
                pairs.Add((g, system[pick]));
                j0 = pick + 1;
            }
        }

        return pairs;
    }
}
