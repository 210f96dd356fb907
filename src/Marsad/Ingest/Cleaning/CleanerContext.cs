using Marsad.Model;

namespace Marsad.Ingest.Cleaning;

/// <summary>
/// What the cleaner knows beyond one document: the lines repeated across the documents of a group. Build it once
/// over every input before cleaning (<see cref="Build"/>); it is immutable and can serve many threads.
/// </summary>
public sealed class CleanerContext
{
    public CleanerContext(RepeatedLineIndex lines, Func<RawArticle, string>? groupOf = null)
    {
        Lines = lines;
        GroupOf = groupOf ?? RepeatedLineIndex.DefaultGroup;
    }

    public RepeatedLineIndex Lines { get; }

    public Func<RawArticle, string> GroupOf { get; }

    public static CleanerContext Build(IEnumerable<RawArticle> articles, Func<RawArticle, string>? groupOf = null, CleanerOptions? options = null)
    {
        groupOf ??= RepeatedLineIndex.DefaultGroup;
        return new CleanerContext(RepeatedLineIndex.Build(articles, groupOf, options), groupOf);
    }
}
