namespace Marsad.Extract.Places;

/// <summary>
/// One name of a place in the lookup index. <see cref="Primary"/>: the place's own display name (not a variant);
/// <see cref="Findable"/>: safe to look for in running text (admin units, curated places, populated or notable
/// localities, minus names that are common words). <see cref="Generic"/>: a phrase that names the place only in a
/// document about its country (السفارة الأمريكية is the embassy in Baghdad in news on Iraq, not in news on Jerusalem).
/// </summary>
public readonly record struct PlaceName(Place Place, bool Primary, bool Findable, bool Generic = false);
