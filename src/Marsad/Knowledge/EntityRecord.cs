namespace Marsad.Knowledge;

/// <summary>
/// An entry of the entity catalogue: <see cref="Id"/> is the entity's ref (stable: an actor's or place's id, or a hash
/// of an unknown name); <see cref="Json"/> its object of the contract's <c>entities</c> section. Mention counts are
/// kept by the store from <see cref="EntityMentionCount"/> rows, not here.
/// </summary>
public sealed record EntityRecord(string Id, string Type, string Name, string? Country, string Json);

/// <summary>How often one document mentions one entity (the document's mentions are replaced whole when it is re-analyzed).</summary>
public sealed record EntityMentionCount(string Entity, string Document, int Count);
