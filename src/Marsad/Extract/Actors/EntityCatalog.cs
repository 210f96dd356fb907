namespace Marsad.Extract.Actors;

/// <summary>
/// Collects the linked mentions of many documents into one entry per ref (the contract's top-level
/// <c>entities</c>). Rules: a curated actor or a place takes its table's name, English name and type (and a
/// place its coordinates and country); an unknown entity takes its most frequent type and surface form (the
/// longest on a tie); aliases are the distinct surface forms seen, in first-seen order. Thread-safe.
/// </summary>
public sealed class EntityCatalog
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Adds the linked mentions of one document.</summary>
    public void Add(IEnumerable<LinkedMention> mentions)
    {
        lock (_lock)
        {
            foreach (var m in mentions)
            {
                if (!_entries.TryGetValue(m.Ref, out var e))
                {
                    _entries[m.Ref] = e = new Entry(m);
                }

                e.See(m);
            }
        }
    }

    /// <summary>The entries, ordered by id.</summary>
    public IReadOnlyList<CatalogEntity> Entities()
    {
        lock (_lock)
        {
            return _entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => e.ToEntity()).ToList();
        }
    }

    private sealed class Entry(LinkedMention first)
    {
        private readonly List<string> _aliases = [];
        private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);

        public string Id { get; } = first.Ref;

        public void See(LinkedMention m)
        {
            var text = m.Mention.Text.Trim();
            if (!_aliases.Contains(text))
            {
                _aliases.Add(text);
            }

            _texts[text] = _texts.GetValueOrDefault(text) + 1;
            _types[m.Mention.Type] = _types.GetValueOrDefault(m.Mention.Type) + 1;
        }

        public CatalogEntity ToEntity()
        {
            if (first.Place is { } p)
            {
                return new CatalogEntity(Id, p.Type, p.Name, p.NameEn, _aliases, p.Lat, p.Lon, p.Country, p.Kind);
            }

            if (first.Actor is { } a)
            {
                return new CatalogEntity(Id, a.Type, a.Name, a.NameEn, _aliases, null, null, null, a.Kind);
            }

            var type = _types.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            var name = _texts.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            return new CatalogEntity(Id, type, name, null, _aliases, null, null, null, null);
        }
    }
}
