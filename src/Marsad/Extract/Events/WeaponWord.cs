namespace Marsad.Extract.Events;

/// <summary>A row of <c>weapons.tsv</c>: the weapon a word names, and whether it counts only right after an attack word.</summary>
public readonly record struct WeaponWord(string Weapon, bool AfterForce);
