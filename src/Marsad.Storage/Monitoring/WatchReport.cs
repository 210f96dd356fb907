using System.Collections.Concurrent;
using System.Globalization;

namespace Marsad.Storage.Monitoring;

/// <summary>What a watcher did, counted as it goes (thread-safe): the summary printed at shutdown.</summary>
public sealed class WatchReport
{
    private long _polls;
    private long _notModified;
    private long _failedPolls;
    private long _new;
    private long _duplicates;
    private long _disallowed;
    private long _articleErrors;

    public long Polls => Interlocked.Read(ref _polls);

    public long NotModified => Interlocked.Read(ref _notModified);

    public long FailedPolls => Interlocked.Read(ref _failedPolls);

    public long NewArticles => Interlocked.Read(ref _new);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Disallowed => Interlocked.Read(ref _disallowed);

    public long ArticleErrors => Interlocked.Read(ref _articleErrors);

    /// <summary>The sources whose last poll failed, with the error.</summary>
    public ConcurrentDictionary<string, string> Failing { get; } = new(StringComparer.Ordinal);

    internal void Poll() => Interlocked.Increment(ref _polls);

    internal void Unchanged() => Interlocked.Increment(ref _notModified);

    internal void PollFailed(string source, string error)
    {
        Interlocked.Increment(ref _failedPolls);
        Failing[source] = error;
    }

    internal void PollSucceeded(string source) => Failing.TryRemove(source, out _);

    internal void Added() => Interlocked.Increment(ref _new);

    internal void Duplicate() => Interlocked.Increment(ref _duplicates);

    internal void Skipped() => Interlocked.Increment(ref _disallowed);

    internal void ArticleFailed() => Interlocked.Increment(ref _articleErrors);

    public string Summary(TimeSpan elapsed, long requests, long retries) => string.Create(CultureInfo.InvariantCulture,
        $"watch: {Polls} polls ({NotModified} not modified, {FailedPolls} failed), {NewArticles} new articles, {Duplicates} duplicates, {Disallowed} disallowed by robots.txt, {ArticleErrors} articles failed; {requests} requests ({retries} retries); {elapsed.TotalSeconds:0.0} s");
}
