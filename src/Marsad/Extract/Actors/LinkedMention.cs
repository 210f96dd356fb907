using Marsad.Extract.Places;

namespace Marsad.Extract.Actors;

/// <summary>
/// A mention with its ref: a curated actor id (<c>sudani</c>), a place id (<c>wof-85672483</c>, <c>site-harir</c>,
/// <c>cc-iq</c>) or the stable id of an unknown entity (<c>x-per-3fa9c2d1e0</c>); the same entity gets the same ref
/// in every document and every run.
/// </summary>
public sealed record LinkedMention(EntityMention Mention, string Ref, LinkRule Rule, Actor? Actor, Place? Place);
