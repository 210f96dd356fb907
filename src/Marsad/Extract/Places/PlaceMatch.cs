namespace Marsad.Extract.Places;

/// <summary>A resolved place mention: the place, the score that won, and the rules that decided it (for debugging).</summary>
public sealed record PlaceMatch(Place Place, double Score, string Rule);
