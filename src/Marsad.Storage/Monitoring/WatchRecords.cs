using System.Globalization;
using Marsad.Monitoring;

namespace Marsad.Storage.Monitoring;

/// <summary>A source claimed for one poll: its kind and the validators and failure count of its last fetch.</summary>
public sealed record SourceClaim(string Id, string Kind, Validators Validators, int Failures);

/// <summary>What one poll of a source came to, written back when its lease is let go.</summary>
public sealed record SourcePoll(string Id, string Status, string? Error, Validators Validators, int NewItems, int Failures, DateTimeOffset NextPoll);

/// <summary>What became of an article address the watcher met (the key of "seen"), and how often it was tried.</summary>
public sealed record ItemMark(string Url, string State, int Attempts, string? DocId);

/// <summary>
/// A source's health, for the dashboard: its last fetch (and last success), what it answered, the items it brought
/// (the last poll's and in all), its errors (in a row and in all), 304 answers, and when it is polled next.
/// </summary>
public sealed record WatchSourceRecord(
    string Id, string Kind, string? LastFetch, string? LastSuccess, string? LastStatus, string? LastError,
    int Failures, long Errors, long Fetches, long NotModified, int LastNew, long NewItems, string NextPoll, string? LeaseOwner);

/// <summary>The states an article address can be in (<c>watch_items.state</c>).</summary>
public static class ItemStates
{
    /// <summary>Fetched, analyzed and stored as <see cref="ItemMark.DocId"/>.</summary>
    public const string Stored = "stored";

    /// <summary>Its text is already stored under another address (<see cref="ItemMark.DocId"/>).</summary>
    public const string Duplicate = "duplicate";

    /// <summary>robots.txt disallows it: never requested.</summary>
    public const string Disallowed = "disallowed";

    /// <summary>Fetching or reading it failed; tried again on later polls until <see cref="MaxAttempts"/>.</summary>
    public const string Failed = "failed";

    public const int MaxAttempts = 3;

    /// <summary>Whether the address needs no more work.</summary>
    public static bool IsSettled(ItemMark? mark) => mark is not null && (mark.State != Failed || mark.Attempts >= MaxAttempts);
}

/// <summary>The one text form of times in the watch tables: ISO 8601 UTC, milliseconds, fixed width (compares as text).</summary>
public static class WatchTime
{
    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
