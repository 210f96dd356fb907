namespace Marsad.Extract.Entities;

/// <summary>
/// First-order Viterbi decoding over B-/I-/O tags. Rules: the score of a sequence is the sum of per-token emission
/// scores and tag-transition scores (row <c>T</c> of the transition table is the sentence start); a transition the
/// <c>allowed</c> table forbids (I-X after anything but B-X or I-X, or I-X first) is never taken.
/// </summary>
internal static class ViterbiDecoder
{
    /// <summary>Which transitions BIO allows: index prev*T + cur, prev = T for the sentence start.</summary>
    public static bool[] AllowedTransitions(IReadOnlyList<string> tags)
    {
        var t = tags.Count;
        var allowed = new bool[(t + 1) * t];
        for (var prev = 0; prev <= t; prev++)
        {
            for (var cur = 0; cur < t; cur++)
            {
                var (cp, ct) = BioChunker.Parse(tags[cur]);
                if (cp != 'I')
                {
                    allowed[prev * t + cur] = true;
                    continue;
                }

                if (prev == t)
                {
                    continue;
                }

                var (pp, pt) = BioChunker.Parse(tags[prev]);
                allowed[prev * t + cur] = pp != 'O' && pt == ct;
            }
        }

        return allowed;
    }

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
