namespace Marsad.Extract.Entities;

/// <summary>An entity over tokens [Start, End) of a sentence, with its type (e.g. PER, GPE, ORG).</summary>
public readonly record struct EntityMention(int Start, int End, string Type);
