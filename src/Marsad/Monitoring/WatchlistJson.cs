using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marsad.Monitoring;

/// <summary>
/// A watchlist's criteria as the store keeps them and the API shows them: camelCase JSON, Arabic written as is. The
/// webhook secret is never part of it (the store keeps it apart).
/// </summary>
public static class WatchlistJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(Watchlist w) => JsonSerializer.Serialize(w with { Secret = null }, Options);

    /// <summary>The watchlist of stored JSON, with the secret kept beside it.</summary>
    public static Watchlist Read(string json, string? secret) =>
        (JsonSerializer.Deserialize<Watchlist>(json, Options) ?? throw new FormatException("a stored watchlist is empty")) with { Secret = secret };
}
