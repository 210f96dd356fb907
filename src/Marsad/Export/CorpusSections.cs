using System.Text.Json;

namespace Marsad.Export;

/// <summary>
/// The corpus-level sections of the analysis (entities, events, stories, duplicates, discrepancies),
/// each a callback that writes a JSON array; a null callback writes an empty array.
/// </summary>
public sealed record CorpusSections
{
    public Action<Utf8JsonWriter>? Entities { get; init; }

    public Action<Utf8JsonWriter>? Events { get; init; }

    public Action<Utf8JsonWriter>? Stories { get; init; }

    public Action<Utf8JsonWriter>? Duplicates { get; init; }

    public Action<Utf8JsonWriter>? Discrepancies { get; init; }
}
