namespace Marsad.Knowledge;

/// <summary>Bounds of one <see cref="KnowledgeRun.Connect"/>: how much it reads from the store besides the stories of its date window.</summary>
public sealed record KnowledgeRunOptions
{
    /// <summary>Stories with no date read as candidates (the most recently updated).</summary>
    public int UndatedStories { get; init; } = 256;

    /// <summary>Stored documents never connected (a run stopped before it connected them) taken in by one run.</summary>
    public int Unconnected { get; init; } = 1000;

    /// <summary>Stored documents sharing an LSH band with a new one whose signatures are compared.</summary>
    public int DuplicateCandidates { get; init; } = 256;

    /// <summary>Threads that annotate a touched story's stored documents again (0: every core).</summary>
    public int Threads { get; init; }

    /// <summary>What matches an addition against the store's watchlists (null: <see cref="Monitoring.WatchlistMatcher.Default"/>).</summary>
    public Monitoring.WatchlistMatcher? Matcher { get; init; }

    public static KnowledgeRunOptions Default { get; } = new();
}
