using System.Text.Json;
using System.Text.RegularExpressions;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Ingest.Cleaning;

/// <summary>The seed articles and their hand annotations, read from ../shared; compared the way the reference scorer does.</summary>
internal static partial class SeedGold
{
    private static readonly Lazy<JsonDocument> Gold = new(() => JsonDocument.Parse(File.ReadAllText(SharedData.GoldFile)));

    public static IEnumerable<string> Ids =>
        Gold.Value.RootElement.GetProperty("documents").EnumerateObject().Select(p => p.Name).ToList();

    public static JsonElement Document(string id) => Gold.Value.RootElement.GetProperty("documents").GetProperty(id);

    public static IReadOnlyList<string> Strings(string id, string field) =>
        Document(id).TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.GetString()!).ToList() : [];

    public static string? Title(string id) => Document(id).GetProperty("title").GetString();

    public static RawArticle Raw(string id)
    {
        var path = Path.Combine(SharedData.SeedsDir, id + ".txt");
        return new RawArticle { Id = id, SourcePath = path, Kind = SourceKind.Text, Content = File.ReadAllText(path) };
    }

    public static IReadOnlyList<RawArticle> AllRaw() => Ids.Select(Raw).ToList();

    /// <summary>The scorer's comparison form: NFC, no harakat or tatweel, alef/ya/ta-marbuta folded, quotes unified, spaces collapsed.</summary>
    public static string Norm(string? s)
    {
        s = (s ?? "").Normalize(System.Text.NormalizationForm.FormC);
        s = Harakat().Replace(s, "");
        s = Alef().Replace(s, "ا").Replace('ى', 'ي').Replace('ة', 'ه');
        s = Quotes().Replace(s, "\"");
        return Spaces().Replace(s, " ").Trim();
    }

    [GeneratedRegex("[\u064B-\u0652\u0640]")]
    private static partial Regex Harakat();

    [GeneratedRegex("[إأآٱ]")]
    private static partial Regex Alef();

    [GeneratedRegex("[“”\"«»]")]
    private static partial Regex Quotes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
