using Marsad.Arabic;

namespace Marsad.Ingest.Metadata;

/// <summary>
/// The known news outlets and agencies, read once from <c>data/outlets.tsv</c>. A name matches when its key equals
/// the key of the canonical name, the English name or a variant. Keys are normalized (<see cref="ArabicNormalizer"/>),
/// Latin lowercased, with punctuation dropped and spaces collapsed ("أ.ف.ب" = "أ ف ب", "EURONEWS" = "Euronews");
/// a leading descriptor such as صحيفة, موقع, قناة, وكالة is tried off and on as well.
/// </summary>
public sealed class OutletCatalog
{
    private static readonly Lazy<OutletCatalog> DefaultInstance = new(() => Load(DataFiles.Path("outlets.tsv")));

    private static readonly string[] Descriptors =
        ["صحيفه", "جريده", "موقع", "قناه", "وكاله", "مجله", "شبكه", "تلفزيون", "اذاعه", "راديو", "وكاله انباء"];

    private readonly Dictionary<string, OutletInfo> _byKey;

    /// <summary>The words that announce an outlet's name (صحيفه، قناه، اذاعه…), normalized.</summary>
    public static IReadOnlyList<string> MediaDescriptors => Descriptors;

    private OutletCatalog(IReadOnlyList<OutletInfo> all, Dictionary<string, OutletInfo> byKey)
    {
        All = all;
        _byKey = byKey;
    }

    public static OutletCatalog Default => DefaultInstance.Value;

    public IReadOnlyList<OutletInfo> All { get; }

    public static OutletCatalog Load(string path)
    {
        var all = new List<OutletInfo>();
        var byKey = new Dictionary<string, OutletInfo>(StringComparer.Ordinal);
        foreach (var row in TsvLexicon.ReadRows(path))
        {
            if (row.Length < 3)
            {
                throw new FormatException($"outlets.tsv: expected name, english, kind, variants, country, language; got '{string.Join('\t', row)}'");
            }

            var kind = row[2] switch
            {
                "outlet" => OutletKind.Outlet,
                "agency" => OutletKind.Agency,
                "wire" => OutletKind.Wire,
                _ => throw new FormatException($"outlets.tsv: unknown kind '{row[2]}' for '{row[0]}' (valid: outlet, agency, wire)"),
            };
            var info = new OutletInfo(row[0], row[1], kind, row.Length > 4 ? row[4] : "", row.Length > 5 ? row[5] : "ar");
            all.Add(info);
            IEnumerable<string> names = [row[0], row[1], .. row.Length > 3 ? row[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []];
            foreach (var name in names)
            {
                var key = Key(name);
                if (key.Length > 0)
                {
                    byKey.TryAdd(key, info);
                }
            }
        }

        return new OutletCatalog(all, byKey);
    }

    /// <summary>The outlet a name denotes ("EURONEWS", "وكالة الأناضول", "«إيلاف»"), or null.</summary>
    public OutletInfo? Find(string name)
    {
        var key = Key(name);
        if (key.Length == 0)
        {
            return null;
        }

        if (_byKey.TryGetValue(key, out var info))
        {
            return info;
        }

        foreach (var d in Descriptors)
        {
            // A paper known by a common word ("صحيفة الرياض") is named bare in its own text: «الرياض».
            if (_byKey.TryGetValue(d + " " + key, out info))
            {
                return info;
            }

            if (key.Length > d.Length + 1 && key.StartsWith(d, StringComparison.Ordinal) && key[d.Length] == ' '
                && _byKey.TryGetValue(key[(d.Length + 1)..], out info))
            {
                return info;
            }
        }

        return null;
    }

    /// <summary>The matching key of a name: normalized, Latin lowercased, letters and digits only, single spaces.</summary>
    public static string Key(string name)
    {
        var norm = ArabicNormalizer.Normalize(name.AsSpan().Trim());
        var chars = new char[norm.Length];
        var n = 0;
        var space = false;
        foreach (var c in norm)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && n > 0)
                {
                    chars[n++] = ' ';
                }

                space = false;
                chars[n++] = char.ToLowerInvariant(c);
            }
            else
            {
                space = true;
            }
        }

        return new string(chars, 0, n);
    }
}
