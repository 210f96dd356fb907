namespace Marsad.Extract.Entities;

/// <summary>
/// Builds tag profiles from unlabeled news: a first tagger labels the corpus, and each frequent word gets, per entity
/// type, how often it was tagged with it. The profiles become features of the final tagger, which lets it recognize
/// names it never saw in the annotated data but that news often use as names. Rules:
/// <list type="bullet">
/// <item>texts are split by <see cref="NerTextSplitter"/>; a sentence ends at . ! ? ؟ or after 60 tokens;</item>
/// <item>a word needs at least <c>minCount</c> occurrences and two tagged ones (per tagger counted) to get a profile;</item>
/// <item>the share tagged with a type becomes a bucket: 1 (≥ 10 %), 2 (≥ 30 %), 3 (≥ 70 %).</item>
/// </list>
/// </summary>
public static class CorpusTagProfiler
{
    /// <summary>Profiles from the summed counts of one or more taggers over the same corpus.</summary>
    public static List<(string Word, string Profile)> ToProfiles(IReadOnlyList<TagCounts> runs, int minCount)
    {
        var types = runs[0].Types;
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var tagged = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            foreach (var (word, n) in run.Totals)
            {
                totals[word] = totals.GetValueOrDefault(word) + n;
            }

            foreach (var (word, counts) in run.Tagged)
            {
                if (!tagged.TryGetValue(word, out var sum))
                {
                    sum = new int[types.Count];
                    tagged[word] = sum;
                }

                for (var k = 0; k < counts.Length; k++)
                {
                    sum[k] += counts[k];
                }
            }
        }

        var result = new List<(string, string)>();
        foreach (var (word, counts) in tagged)
        {
            var total = totals[word];
            if (total < minCount * runs.Count || counts.Sum() < 2 * runs.Count)
            {
                continue;
            }

            var items = new List<string>();
            for (var k = 0; k < types.Count; k++)
            {
                var share = (double)counts[k] / total;
                var bucket = share >= 0.7 ? 3 : share >= 0.3 ? 2 : share >= 0.1 ? 1 : 0;
                if (bucket > 0)
                {
                    items.Add($"{types[k]}:{bucket}");
                }
            }

            if (items.Count > 0)
            {
                result.Add((word, string.Join(',', items)));
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return result;
    }

    /// <summary>Tags the corpus and counts, per word, its occurrences and how often each entity type was given.</summary>
    public static TagCounts Count(EntityTagger tagger, IEnumerable<string> texts, long maxTokens, Action<string> log)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var types = tagger.Labels.Where(l => l != "O").Select(l => BioChunker.Parse(l).Type).Distinct().Order(StringComparer.Ordinal).ToArray();
        var typeIndex = types.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var tagged = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var tokens = new List<string>();
        var sentence = new List<string>();
        long seen = 0;
        foreach (var text in texts)
        {
            if (seen >= maxTokens)
            {
                break;
            }

            tokens.Clear();
            NerTextSplitter.Split(text, tokens);
            foreach (var token in tokens)
            {
                sentence.Add(token);
                if (token is "." or "!" or "?" or "؟" || sentence.Count >= 60)
                {
                    CountSentence(sentence);
                }
            }

            CountSentence(sentence);
        }

        log($"tag profiles: {seen:N0} tokens tagged in {clock.Elapsed.TotalSeconds:F0}s");
        return new TagCounts(types, totals, tagged);

        void CountSentence(List<string> s)
        {
            if (s.Count == 0)
            {
                return;
            }

            var tags = tagger.Tag(s);
            for (var i = 0; i < s.Count; i++)
            {
                var word = s[i];
                totals[word] = totals.GetValueOrDefault(word) + 1;
                var (prefix, type) = BioChunker.Parse(tags[i]);
                if (prefix != 'O' && typeIndex.TryGetValue(type, out var k))
                {
                    if (!tagged.TryGetValue(word, out var counts))
                    {
                        counts = new int[types.Length];
                        tagged[word] = counts;
                    }

                    counts[k]++;
                }
            }

            seen += s.Count;
            s.Clear();
        }
    }
}
