namespace Marsad.Extract.Places;

/// <summary>A word that announces the kind of the place named after it (قاعدة، مطار، محافظة…), from cues.tsv.</summary>
public sealed record PlaceCue(string Key, IReadOnlySet<string> Kinds, bool IsFacility);
