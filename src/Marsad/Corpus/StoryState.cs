using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marsad.Corpus;

/// <summary>
/// What a story needs to take new documents after its members have left memory, as a dormant story keeps it: the
/// centroid (feature keys and weights, heaviest first), the first and last dates, the latest year its texts mention, and
/// its title with the document that gives it (<see cref="Headline"/>: a document's title, not the lead of its text).
/// Members are not kept here: the store knows them, and the clusterer needs only their number.
/// <see cref="ToJson"/> is the compact form a knowledge base keeps (<c>StoryRecord.State</c>).
/// </summary>
public sealed record StoryState(
    IReadOnlyList<string> Keys,
    IReadOnlyList<float> Weights,
    DateOnly? First,
    DateOnly? Last,
    int MinYear,
    string Central,
    string Title,
    bool Headline)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(new Wire
    {
        K = [.. Keys],
        W = [.. Weights],
        F = First?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        L = Last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Y = MinYear,
        C = Central,
        T = Title,
        H = Headline,
    }, Options);

    /// <summary>Reads a state written by <see cref="ToJson"/>; a malformed one is named in an <see cref="InvalidDataException"/>.</summary>
    public static StoryState Parse(string json, string story)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"story {story}: stored state is not readable ({ex.Message})", ex);
        }

        if (wire?.K is not { } keys || wire.W is not { } weights || keys.Length != weights.Length || wire.C is null || wire.T is null)
        {
            throw new InvalidDataException($"story {story}: stored state lacks its centroid or title");
        }

        return new StoryState(keys, weights, Date(wire.F, story), Date(wire.L, story), wire.Y, wire.C, wire.T, wire.H);
    }

    private static DateOnly? Date(string? text, string story) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new InvalidDataException($"story {story}: stored state has a bad date '{text}'");

    /// <summary>The stored form: one-letter names, since a store keeps one per story.</summary>
    private sealed class Wire
    {
        public string[]? K { get; set; }

        public float[]? W { get; set; }

        public string? F { get; set; }

        public string? L { get; set; }

        public int Y { get; set; }

        public string? C { get; set; }

        public string? T { get; set; }

        public bool H { get; set; }
    }
}
