using Marsad.Extract.Places;

namespace Marsad.Export;

/// <summary>
/// ACLED's own codes for an event (ACLED Codebook 2023): event_type and sub_event_type from the contract's type and
/// weapons, geo_precision from the kind of place (1 a town or site, 2 a district near a town, 3 a province, region or
/// country), time_precision from the date (1 a day, 2 a week, 3 a month or coarser), and country, admin1 and admin2
/// from the gazetteer. The contract's types that ACLED files as no violence (talks, threats, demands, decisions,
/// messages, statements) are Strategic developments.
/// </summary>
public static class AcledCoding
{
    public const string Battles = "Battles";
    public const string RemoteViolence = "Explosions/Remote violence";
    public const string Strategic = "Strategic developments";

    /// <summary>(event_type, sub_event_type) for a contract type, its weapons and its CAMEO code.</summary>
    public static (string Type, string SubType) Type(string type, IReadOnlyCollection<string> weapons, string? cameo) => type switch
    {
        "airstrike" => (RemoteViolence, "Air/drone strike"),
        "attack" when weapons.Contains("drone") || weapons.Contains("aircraft") => (RemoteViolence, "Air/drone strike"),
        "attack" when weapons.Contains("ied") => (RemoteViolence, "Remote explosive/landmine/IED"),
        "attack" when weapons.Any(w => w is "rocket" or "missile" or "ballistic_missile" or "artillery") => (RemoteViolence, "Shelling/artillery/missile attack"),
        "attack" => (Battles, "Armed clash"),
        "decision" when cameo == "057" => (Strategic, "Agreement"),
        _ => (Strategic, "Other"),
    };

    /// <summary>1 for a town, a city or a site; 2 for a district; 3 for a governorate, a region, a sea or a country; null without a place.</summary>
    public static int? GeoPrecision(Place? place) => place switch
    {
        null => null,
        { IsCountry: true } => 3,
        { Kind: "region" or "macroregion" or "ocean" or "marinearea" or "continent" } => 3,
        { Type: "LOC" } => 3,
        { Kind: "county" or "district" } => 2,
        _ => 1,
    };

    /// <summary>1 for a day (YYYY-MM-DD), 2 for a week (YYYY-Www), 3 for a month or a year; null without a date.</summary>
    public static int? TimePrecision(string? date) => date switch
    {
        null or "" => null,
        { Length: 10 } => 1,
        _ when date.Contains('W', StringComparison.Ordinal) => 2,
        _ => 3,
    };

    /// <summary>Country, admin1 (governorate) and admin2 (district) names in English, empty where the gazetteer has none.</summary>
    public static (string Country, string Admin1, string Admin2) Admin(Gazetteer gazetteer, Place? place)
    {
        if (place is null)
        {
            return ("", "", "");
        }

        var country = place.IsCountry ? place.NameEn : gazetteer.Get("cc-" + place.Country.ToLowerInvariant())?.NameEn ?? place.Country;
        var admin1 = place.Kind == "region" ? place.NameEn : place.RegionId is { } r ? gazetteer.Get(r)?.NameEn ?? "" : "";
        var admin2 = place.Kind == "county" ? place.NameEn : place.CountyId is { } c ? gazetteer.Get(c)?.NameEn ?? "" : "";
        return (country, admin1, admin2);
    }
}
