using Marsad.Knowledge;
using Marsad.Storage.Knowledge;

namespace Marsad.Storage;

/// <summary>
/// A store of documents and of the knowledge built from them: what <see cref="StoreFactory.Open"/> returns, for the
/// engine's run (<see cref="IKnowledgeBase"/>) and every reader (<see cref="IKnowledgeReader"/>).
/// </summary>
public interface IKnowledgeStore : IDocumentStore, IKnowledgeBase, IKnowledgeReader, Alerts.IAlertStore, Monitoring.IWatchState
{
    /// <summary>
    /// Set when opening migrated a store of an older schema in place: the one line to show the user (how many documents
    /// wait to be connected, and the command that connects them); null otherwise.
    /// </summary>
    string? Migrated { get; }

    /// <summary>
    /// The story this id names now, following a redirect (the reader's meaning; <see cref="IKnowledgeBase.Story"/>, the
    /// exact lookup without redirects, stays reachable through that interface).
    /// </summary>
    new StoryRecord? Story(string id);

    /// <summary>The change stamp (both interfaces read the same).</summary>
    new string ChangeStamp();

    /// <summary>The watchlists (both interfaces read the same).</summary>
    new IReadOnlyList<Marsad.Monitoring.Watchlist> Watchlists();
}
