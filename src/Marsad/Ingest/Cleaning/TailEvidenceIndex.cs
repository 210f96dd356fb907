using Marsad.Model;

namespace Marsad.Ingest.Cleaning;

/// <summary>
/// What the documents of a group (one outlet, one folder) show about the blocks pages add around the article, learnt
/// once over every input:
/// <list type="bullet">
/// <item>the titles of its articles, so that a line repeating another article's title inside a text shows as a link to
/// that article;</item>
/// <item>the closing lines set off by a rule line ("-----") at the very end of a page, counted per document, so that a
/// sign-off the outlet appends to its articles (an app promotion) shows by recurring;</item>
/// <item>how many of its documents end with a run of other stories' leads (<see cref="StoryLeadRun"/>): where the
/// outlet shows the block often, it is its related-stories block, not a way its writers end an article;</item>
/// <item>how many of its documents carry runs of headlines between paragraphs (<see cref="HeadlineRun"/>).</item>
/// </list>
/// Copies of one article count once (told apart by their longest line). Immutable once built.
/// </summary>
public sealed class TailEvidenceIndex
{
    private readonly Dictionary<string, Group> _groups;

    private TailEvidenceIndex(Dictionary<string, Group> groups) => _groups = groups;

    public static TailEvidenceIndex Empty { get; } = new([]);

    public static TailEvidenceIndex Build(IEnumerable<RawArticle> articles, Func<RawArticle, string> groupOf, CleanerOptions? options = null)
    {
        options ??= CleanerOptions.Default;
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var paragraphs = new List<(string Text, string Key, LineShape Shape)>();
        foreach (var article in articles)
        {
            var name = groupOf(article);
            if (!groups.TryGetValue(name, out var group))
            {
                groups[name] = group = new Group();
            }

            paragraphs.Clear();
            var longest = "";
            var firstParagraph = -1;
            var ruleBeforeLast = false;
            var lastIsRule = false;
            var last = "";
            foreach (var range in article.Content.AsSpan().Split('\n'))
            {
                var line = article.Content.AsSpan(range).Trim();
                if (line.IsEmpty)
                {
                    continue;
                }

                var text = line.ToString();
                var key = LineKey.Of(line);
                var shape = LineShape.Of(line);
                ruleBeforeLast = lastIsRule;
                lastIsRule = shape.IsSymbolsOnly;
                last = key;
                if (key.Length > longest.Length)
                {
                    longest = key;
                }

                if (firstParagraph < 0 && shape.Words >= options.ParagraphMinWords && shape.EndsSentence)
                {
                    firstParagraph = paragraphs.Count;
                }

                if (firstParagraph >= 0)
                {
                    paragraphs.Add((text, key, shape));
                }
            }

            var fingerprint = StringComparer.Ordinal.GetHashCode(longest);
            if (!group.Documents.Add(fingerprint))
            {
                continue;
            }

            if (!string.IsNullOrWhiteSpace(article.Title))
            {
                var title = LineKey.Of(article.Title);
                if (title.Length > 0)
                {
                    group.Titles[title] = group.Titles.GetValueOrDefault(title) + 1;
                }
            }

            if (ruleBeforeLast && last.Length > 0)
            {
                group.RuledEnds[last] = group.RuledEnds.GetValueOrDefault(last) + 1;
            }

            if (StoryLeadRun.Find(paragraphs, options) >= 0)
            {
                group.StoryLeadRuns++;
            }

            if (HeadlineRun.Find(paragraphs, options).Count > 0)
            {
                group.HeadlineRuns++;
            }
        }

        return new TailEvidenceIndex(groups);
    }

    /// <summary>How many documents of the group carry this title (copies of one article once).</summary>
    public int TitleCount(string group, string titleKey) =>
        _groups.TryGetValue(group, out var g) ? g.Titles.GetValueOrDefault(titleKey) : 0;

    /// <summary>In how many documents of the group this line closes the page below a rule line.</summary>
    public int RuledEndCount(string group, string lineKey) =>
        _groups.TryGetValue(group, out var g) ? g.RuledEnds.GetValueOrDefault(lineKey) : 0;

    /// <summary>True when the group's documents end with a run of other stories' leads often enough to make it the
    /// outlet's block: in at least <see cref="CleanerOptions.StoryLeadMinDocuments"/> documents and
    /// <see cref="CleanerOptions.StoryLeadMinShare"/> of them.</summary>
    public bool HasStoryLeadBlock(string group, CleanerOptions options) =>
        _groups.TryGetValue(group, out var g) && g.StoryLeadRuns >= options.StoryLeadMinDocuments
        && g.StoryLeadRuns >= options.StoryLeadMinShare * g.Documents.Count;

    /// <summary>True when the group's documents carry runs of headlines between paragraphs often enough to make them
    /// the outlet's inserted links (<see cref="CleanerOptions.HeadlineRunMinShare"/>).</summary>
    public bool HasHeadlineRuns(string group, CleanerOptions options) =>
        _groups.TryGetValue(group, out var g) && g.HeadlineRuns >= options.StoryLeadMinDocuments
        && g.HeadlineRuns >= options.HeadlineRunMinShare * g.Documents.Count;

    private sealed class Group
    {
        public HashSet<int> Documents { get; } = [];

        public Dictionary<string, int> Titles { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> RuledEnds { get; } = new(StringComparer.Ordinal);

        public int StoryLeadRuns { get; set; }

        public int HeadlineRuns { get; set; }
    }
}
