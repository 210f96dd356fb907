namespace Marsad.Web.Api;

/// <summary>
/// The size of what is served: the running engine's version, the versions that analyzed the stored documents, the counts
/// of each kind, and how many stored documents are not yet connected to stories.
/// </summary>
public sealed record StoreStats(string Schema, string Engine, IReadOnlyList<string> StoredEngines, int Documents, int Stories, int Events, int Entities, int Discrepancies, int Duplicates, int Unconnected);
