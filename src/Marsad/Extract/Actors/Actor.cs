namespace Marsad.Extract.Actors;

/// <summary>
/// A canonical actor of actors.tsv: a stable slug id (<c>iq-gov</c>, <c>pmf</c>, <c>sudani</c>), its entity type
/// (PER/ORG), its kind (government, ministry, armed_forces, armed_group, coalition, parliament, party, agency,
/// outlet, person, international_org…), its country (ISO alpha-2, empty for international actors), its English
/// name, its Arabic display name and aliases, and the source the entry was checked against.
/// </summary>
public sealed record Actor(string Id, string Type, string Kind, string Country, string NameEn, string Name, IReadOnlyList<string> Aliases, string Source);
