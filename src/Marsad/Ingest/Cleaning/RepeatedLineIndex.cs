using Marsad.Model;

namespace Marsad.Ingest.Cleaning;

/// <summary>
/// Counts, per group of documents (one outlet, one folder), in how many different documents each short line occurs,
/// so that page furniture no lexicon knows (a site's own slogan, menu or sign-off) shows by repetition. Rules:
/// <list type="bullet">
/// <item>lines are compared by <see cref="LineKey"/>; only lines of at most <see cref="CleanerOptions.RepeatedMaxWords"/>
/// words count, and never lines holding a date (datelines of one day repeat across real articles);</item>
/// <item>copies of one article count once: documents are told apart by a fingerprint of their longest line;</item>
/// <item>the index is built once over all inputs, then read concurrently (it is immutable).</item>
/// </list>
/// </summary>
public sealed class RepeatedLineIndex
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts;
    private readonly Dictionary<string, int> _documents;

    private RepeatedLineIndex(Dictionary<string, Dictionary<string, int>> counts, Dictionary<string, int> documents)
    {
        _counts = counts;
        _documents = documents;
    }

    public static RepeatedLineIndex Empty { get; } = new([], []);

    /// <summary>The group of an article: its outlet when the container names one, else the folder it was read from.</summary>
    public static string DefaultGroup(RawArticle article) =>
        !string.IsNullOrWhiteSpace(article.Outlet) ? "outlet:" + article.Outlet.Trim() : "dir:" + (Path.GetDirectoryName(article.SourcePath) ?? "");

    public static RepeatedLineIndex Build(IEnumerable<RawArticle> articles, Func<RawArticle, string>? groupOf = null, CleanerOptions? options = null)
    {
        groupOf ??= DefaultGroup;
        options ??= CleanerOptions.Default;
        var seen = new Dictionary<string, Dictionary<string, HashSet<int>>>(StringComparer.Ordinal);
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var group = groupOf(article);
            documents[group] = documents.GetValueOrDefault(group) + 1;
            keys.Clear();
            var longest = "";
            foreach (var range in article.Content.AsSpan().Split('\n'))
            {
                var line = article.Content.AsSpan(range).Trim();
                if (line.IsEmpty)
                {
                    continue;
                }

                var key = LineKey.Of(line);
                if (key.Length > longest.Length)
                {
                    longest = key;
                }

                if (key.Length > 0 && LineKey.WordCount(key) <= options.RepeatedMaxWords && !line.ContainsAnyInRange('0', '9') && !line.ContainsAnyInRange('٠', '٩'))
                {
                    keys.Add(key);
                }
            }

            var fingerprint = StringComparer.Ordinal.GetHashCode(longest);
            if (!seen.TryGetValue(group, out var lines))
            {
                seen[group] = lines = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            }

            foreach (var key in keys)
            {
                if (!lines.TryGetValue(key, out var docs))
                {
                    lines[key] = docs = [];
                }

                if (docs.Count < 1000)
                {
                    docs.Add(fingerprint);
                }
            }
        }

        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (group, lines) in seen)
        {
            var kept = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, docs) in lines)
            {
                if (docs.Count >= 2)
                {
                    kept[key] = docs.Count;
                }
            }

            counts[group] = kept;
        }

        return new RepeatedLineIndex(counts, documents);
    }

    public int DocumentCount(string group) => _documents.GetValueOrDefault(group);

    /// <summary>In how many different documents of the group the line occurs (0 or 1 when it is not repeated).</summary>
    public int Count(string group, string lineKey) =>
        _counts.TryGetValue(group, out var lines) && lines.TryGetValue(lineKey, out var n) ? n : 0;
}
