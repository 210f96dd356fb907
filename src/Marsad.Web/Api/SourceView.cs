using Marsad.Storage.Monitoring;

namespace Marsad.Web.Api;

/// <summary>
/// One watched source's health (<c>marsad watch</c>): its last fetch and last success (ISO 8601 UTC), what the last poll
/// gave (<c>ok</c>, <c>not-modified</c>, <c>failed</c>, <c>interrupted</c>, or <c>never</c> before the first), the articles
/// it brought (the last poll's and in all), failures in a row and in all with the last error, fetches and 304 answers,
/// the next poll, and whether it is failing now.
/// </summary>
public sealed record SourceView(
    string Id, string Kind, string Status, string? LastFetch, string? LastSuccess, int NewItems, long TotalItems,
    int FailuresInARow, long Errors, string? LastError, long Fetches, long NotModified, string NextPoll, bool Failing)
{
    public static SourceView Of(WatchSourceRecord s) => new(
        s.Id, s.Kind, s.LastStatus ?? "never", s.LastFetch, s.LastSuccess, s.LastNew, s.NewItems,
        s.Failures, s.Errors, s.LastError, s.Fetches, s.NotModified, s.NextPoll, s.Failures > 0);
}
