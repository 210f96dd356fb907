namespace Marsad.Extract.Places;

/// <summary>
/// One name of a place in the lookup index. <see cref="Primary"/>: the place's own display name (not a variant);
/// <see cref="Findable"/>: safe to look for in running text (admin units, curated places, populated or notable
/// localities, minus names that are common words).
/// </summary>
public readonly record struct PlaceName(Place Place, bool Primary, bool Findable);
