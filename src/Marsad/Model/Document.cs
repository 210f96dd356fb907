namespace Marsad.Model;

/// <summary>
/// A cleaned article and its annotation layers. The text never changes once the document exists;
/// annotators only add layers, each a list of records with offsets into <see cref="Text"/>. A layer that nothing
/// will read again may be released to free its memory (<see cref="ReleaseAllBut"/>).
/// </summary>
public sealed class Document
{
    private readonly Dictionary<string, object> _layers = new(StringComparer.Ordinal);

    public Document(string id, string text)
    {
        Id = id;
        Text = text;
    }

    public string Id { get; }

    /// <summary>The cleaned article body: what a reader would keep.</summary>
    public string Text { get; }

    public string? Title { get; set; }

    public string? Outlet { get; set; }

    public DateOnly? Published { get; set; }

    public PublishedFrom PublishedFrom { get; set; } = PublishedFrom.None;

    public string? Url { get; set; }

    public string SourcePath { get; set; } = "";

    public string Encoding { get; set; } = "utf-8";

    /// <summary>ISO 639-1 code of the article's language ("ar" unless detected otherwise).</summary>
    public string Language { get; set; } = "ar";

    /// <summary>SHA-256 (hex) of the raw content as read, so a rerun can tell an unchanged input.</summary>
    public string ContentHash { get; set; } = "";

    public IReadOnlyList<Removal> Removed { get; set; } = [];

    public IEnumerable<string> LayerNames => _layers.Keys;

    public bool Has(ILayerKey key) => _layers.ContainsKey(key.Name);

    /// <summary>The layer, or an empty list when no annotator produced it.</summary>
    public IReadOnlyList<T> Get<T>(LayerKey<IReadOnlyList<T>> key) =>
        _layers.TryGetValue(key.Name, out var value) ? (IReadOnlyList<T>)value : [];

    public bool TryGet<T>(LayerKey<T> key, out T value)
    {
        if (_layers.TryGetValue(key.Name, out var v))
        {
            value = (T)v;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Adds a layer. A layer is written once: a second write is a pipeline bug.</summary>
    public void Set<T>(LayerKey<T> key, T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_layers.TryAdd(key.Name, value))
        {
            throw new InvalidOperationException($"layer '{key.Name}' of document '{Id}' was already written");
        }
    }

    /// <summary>
    /// Drops every layer but <paramref name="kept"/>, once its records are written out and nothing will read them
    /// again (a long run keeps thousands of documents for the corpus stage, which reads only a few small layers).
    /// </summary>
    public void ReleaseAllBut(IEnumerable<ILayerKey> kept)
    {
        var keep = kept.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _layers.Keys.Where(n => !keep.Contains(n)).ToList())
        {
            _layers.Remove(name);
        }
    }
}
