namespace Marsad.Extract.Places;

/// <summary>
/// What a document has said so far about places: how often each country came up (through a country or a place
/// in it). The resolver uses it to prefer, among places of one name, the one in the document's countries.
/// One instance per document; not thread-safe.
/// </summary>
public sealed class PlaceContext
{
    private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>Records a resolved place (or a country an actor belongs to).</summary>
    public void Observe(string country)
    {
        if (country.Length == 0)
        {
            return;
        }

        _countries[country] = _countries.GetValueOrDefault(country) + 1;
        _total++;
    }

    public void Observe(Place place) => Observe(place.Country);

    /// <summary>The share (0..1) of the document's place mentions that lie in a country.</summary>
    public double CountryShare(string country) => _total == 0 ? 0 : (double)_countries.GetValueOrDefault(country) / _total;

    /// <summary>The country the document names most, or null.</summary>
    public string? TopCountry => _countries.Count == 0 ? null : _countries.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;

    /// <summary>The countries the document named, with their counts.</summary>
    public IReadOnlyDictionary<string, int> Countries => _countries;
}
