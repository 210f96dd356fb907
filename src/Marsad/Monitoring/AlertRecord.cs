namespace Marsad.Monitoring;

/// <summary>
/// What a watchlist matched in one addition, to be stored once per (<see cref="Watchlist"/>, <see cref="Subject"/>):
/// the subject is <c>event:ID</c> for a merged event, <c>story:ID</c> for documents or keywords of a story (or
/// <c>document:ID</c> for a document in no story), <c>discrepancy:STORY</c> for new disagreements in a story. A later
/// addition with the same key adds its <see cref="Sources"/> to the stored alert. <see cref="Continues"/> says which stored
/// alert this one continues when its key changed: for an event, the ids the same merged event had before (a story
/// recomputed may number its events anew); for a story, its documents (a story formed again may take another id).
/// An article is reported by a watchlist once: through the events it reports, or else by itself.
/// </summary>
public sealed record AlertRecord(
    string Watchlist,
    string Subject,
    string Kind,
    string? Story,
    string? Event,
    string Title,
    IReadOnlyList<AlertSource> Sources,
    IReadOnlyList<string>? Continues = null)
{
    /// <summary>The matching sentence of the first source.</summary>
    public string Quote => Sources.Count > 0 ? Sources[0].Quote : "";
}

/// <summary>One document behind an alert, with the sentence that matched.</summary>
public sealed record AlertSource(string Document, string? Outlet, string? Url, string? Title, string? Published, string Quote);
