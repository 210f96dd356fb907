namespace Marsad.Extract.Entities;

/// <summary>
/// First-order Viterbi decoding over B-/I-/O (or B-/I-/E-/S-/O) tags. Rules: the score of a sequence is the sum of per-token emission
/// scores and tag-transition scores (row <c>T</c> of the transition table is the sentence start); a transition the
/// <c>allowed</c> table forbids (I-X after anything but B-X or I-X, or I-X first) is never taken.
/// </summary>
internal static class ViterbiDecoder
{
    /// <summary>
    /// Which transitions the tag scheme allows (index prev*T + cur, prev = T for the sentence start): I-X and E-X
    /// only continue B-X or I-X, and B-X and I-X must be followed by I-X or E-X (BIO tags, which have no E-, only
    /// get the first rule).
    /// </summary>
    public static bool[] AllowedTransitions(IReadOnlyList<string> tags)
    {
        var t = tags.Count;
        var hasEnd = tags.Any(x => x.StartsWith("E-", StringComparison.Ordinal));
        var allowed = new bool[(t + 1) * t];
        for (var prev = 0; prev <= t; prev++)
        {
            var (pp, pt) = prev == t ? ('O', string.Empty) : Split(tags[prev]);
            for (var cur = 0; cur < t; cur++)
            {
                var (cp, ct) = Split(tags[cur]);
                var continues = cp is 'I' or 'E';
                var open = pp is 'B' or 'I';
                allowed[prev * t + cur] = continues
                    ? open && pt == ct
                    : !(hasEnd && open);
            }
        }

        return allowed;
    }

    private static (char Prefix, string Type) Split(string tag) =>
        tag.Length > 2 && tag[1] == '-' ? (tag[0], tag[2..]) : tag == "O" ? ('O', string.Empty) : ('I', tag);

    /// <summary>Fills <paramref name="output"/> with the best tag sequence for n tokens.</summary>
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, ReadOnlySpan<bool> allowed, int n, int t, Span<int> output)
    {
        if (n == 0)
        {
            return;
        }

        Span<float> score = n * t <= 4096 ? stackalloc float[n * t] : new float[n * t];
        Span<int> back = n * t <= 4096 ? stackalloc int[n * t] : new int[n * t];
        for (var j = 0; j < t; j++)
        {
            score[j] = allowed[t * t + j] ? emissions[j] + transitions[t * t + j] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            var row = i * t;
            var prevRow = row - t;
            for (var j = 0; j < t; j++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < t; p++)
                {
                    if (!allowed[p * t + j])
                    {
                        continue;
                    }

                    var s = score[prevRow + p] + transitions[p * t + j];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                score[row + j] = best + emissions[row + j];
                back[row + j] = arg;
            }
        }

        var last = (n - 1) * t;
        var top = 0;
        for (var j = 1; j < t; j++)
        {
            if (score[last + j] > score[last + top])
            {
                top = j;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            output[i] = top;
            top = back[i * t + top];
        }
    }
}
