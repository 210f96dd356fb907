using Marsad.Arabic;

namespace Marsad.Extract.Places;

/// <summary>
/// The nationality adjectives of <c>data/gazetteer/demonyms.tsv</c> in the matching form of <see cref="NameKey"/>,
/// with the article: each masculine singular form (السوري) gives its feminine (السورية), dual and plural
/// (السوريان، السوريين، السوريون) forms, and the country it names.
/// </summary>
public sealed class Demonyms
{
    private static readonly Lazy<Demonyms> DefaultInstance = new(() => Load(DataFiles.Path("gazetteer", "demonyms.tsv")));

    private static readonly string[] Endings = ["", "ه", "ان", "ين", "ون", "تين", "تان", "ات"];

    private readonly Dictionary<string, string> _country;

    public Demonyms(IEnumerable<(string Country, string Form)> forms)
    {
        _country = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (country, form) in forms)
        {
            var key = NameKey.Of(form);
            if (!key.StartsWith("ال", StringComparison.Ordinal) || !key.EndsWith('ي') || key.Contains(' '))
            {
                throw new InvalidDataException($"demonyms.tsv: '{form}' is not a one-word nisba with the article (ال…ي)");
            }

            foreach (var ending in Endings)
            {
                _country.TryAdd(key + ending, country);
            }
        }
    }

    public static Demonyms Default => DefaultInstance.Value;

    public static Demonyms Load(string path) =>
        new(TsvLexicon.ReadRows(path).Where(r => r.Length >= 2).SelectMany(r => r[1].Split('|').Select(f => (r[0], f.Trim()))));

    /// <summary>The ISO2 code of the country a folded word (with its article) is the nationality adjective of, or null.</summary>
    public string? CountryOf(string foldedWord) => _country.GetValueOrDefault(foldedWord);
}
