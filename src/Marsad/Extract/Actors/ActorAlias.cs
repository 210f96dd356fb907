namespace Marsad.Extract.Actors;

/// <summary>
/// One alias of an actor in the lookup index. <see cref="Anaphoric"/>: a short form (~الهيئة) that refers to the
/// actor only after the document has named it. <see cref="Context"/>: the key of the word that must come right
/// before the alias ([قناة] العالم), or null. <see cref="Descriptive"/>: a descriptive phrase (?القوات الأمريكية) that the
/// linker resolves but the lexicon finder does not look for.
/// </summary>
public readonly record struct ActorAlias(Actor Actor, bool Anaphoric, string? Context, bool Descriptive = false);
