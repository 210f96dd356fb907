using Marsad.Model;

namespace Marsad.Ingest.Cleaning;

/// <summary>
/// What the cleaner knows beyond one document: the lines repeated across the documents of a group, and the group's
/// titles and tail blocks (<see cref="TailEvidenceIndex"/>). Build it once over every input before cleaning
/// (<see cref="Build"/>); it is immutable and can serve many threads.
/// </summary>
public sealed class CleanerContext
{
    public CleanerContext(RepeatedLineIndex lines, Func<RawArticle, string>? groupOf = null, TailEvidenceIndex? tails = null)
    {
        Lines = lines;
        GroupOf = groupOf ?? RepeatedLineIndex.DefaultGroup;
        Tails = tails ?? TailEvidenceIndex.Empty;
    }

    public RepeatedLineIndex Lines { get; }

    public TailEvidenceIndex Tails { get; }

    public Func<RawArticle, string> GroupOf { get; }

    public static CleanerContext Build(IEnumerable<RawArticle> articles, Func<RawArticle, string>? groupOf = null, CleanerOptions? options = null)
    {
        groupOf ??= RepeatedLineIndex.DefaultGroup;
        var list = articles as IReadOnlyCollection<RawArticle> ?? articles.ToList();
        return new CleanerContext(RepeatedLineIndex.Build(list, groupOf, options), groupOf, TailEvidenceIndex.Build(list, groupOf, options));
    }
}
