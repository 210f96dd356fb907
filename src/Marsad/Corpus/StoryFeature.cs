namespace Marsad.Corpus;

/// <summary>One weighted feature of a document for story clustering: a term stem, or (from later layers) an entity or event key.</summary>
public readonly record struct StoryFeature(string Key, double Weight);
