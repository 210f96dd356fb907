namespace Marsad.Storage.Knowledge;

/// <summary>A stored document's summary (no text, no contract JSON): what lists show.</summary>
public sealed record DocumentRow(string Id, string? Title, string? Outlet, string? Published, string PublishedFrom, string? Story, string? Url, int Length);

/// <summary>A stored document's summary and its text, without the contract JSON: what a quote of it needs.</summary>
public sealed record DocumentTextRow(DocumentRow Row, string Text);

/// <summary>An entity of the catalogue with how often, and in how many documents, the store mentions it.</summary>
public sealed record EntityRow(Marsad.Knowledge.EntityRecord Entity, int Mentions, int Documents);

/// <summary>What the store holds, by kind, and the engine version that analyzed the oldest of its documents.</summary>
public sealed record KnowledgeStats(int Documents, int Stories, int Events, int Entities, int Discrepancies, int Duplicates,
    int Unconnected, IReadOnlyList<string> EngineVersions);
