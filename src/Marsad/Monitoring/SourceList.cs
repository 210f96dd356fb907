using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Marsad.Monitoring;

/// <summary>
/// Reads the sources file of <c>marsad watch</c>. Three forms, by extension:
/// <list type="bullet">
/// <item><c>.json</c>: an array (or <c>{"sources": [...]}</c>) of addresses, or of objects
/// <c>{"url": …, "kind": "feed|sitemap|folder", "interval": "15m"}</c> (<c>path</c> for a folder);</item>
/// <item><c>.yaml</c>/<c>.yml</c>: the same shape in YAML;</item>
/// <item>anything else: one address or folder a line; blank lines and lines starting with <c>#</c> are skipped.</item>
/// </list>
/// A relative folder is taken from the file's folder. An entry that is neither an http(s) address nor an existing
/// folder is a <see cref="FormatException"/> naming the file and the entry (the line, for the plain form).
/// </summary>
public static class SourceList
{
    public static IReadOnlyList<WatchSource> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{path}: cannot read the sources file: {ex.Message}", ex);
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var entries = ext switch
        {
            ".json" => Json(path, text),
            ".yaml" or ".yml" => Yaml(path, text),
            _ => Lines(text),
        };
        var sources = new List<WatchSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (where, entry) in entries)
        {
            var source = ToSource(path, dir, where, entry);
            if (seen.Add(source.Id))
            {
                sources.Add(source);
            }
        }

        if (sources.Count == 0)
        {
            throw new FormatException($"{path}: no sources listed");
        }

        return sources;
    }

    /// <summary>A duration: seconds as a bare number, or with a unit (<c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>).</summary>
    public static TimeSpan? ParseDuration(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim().ToLowerInvariant();
        var unit = char.IsAsciiLetter(v[^1]) ? v[^1] : 's';
        var number = char.IsAsciiLetter(v[^1]) ? v[..^1] : v;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0 || double.IsInfinity(n))
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }

    private sealed record Entry(string Address, string? Kind, string? Interval);

    private static WatchSource ToSource(string file, string dir, string where, Entry entry)
    {
        var address = entry.Address.Trim();
        TimeSpan? interval = null;
        if (entry.Interval is not null && (interval = ParseDuration(entry.Interval)) is null)
        {
            throw new FormatException($"{file}: {where}: interval '{entry.Interval}' is not a duration (e.g. 300, 90s, 15m, 2h)");
        }

        var kind = entry.Kind?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => (WatchSourceKind?)null,
            "feed" or "rss" or "atom" => WatchSourceKind.Feed,
            "sitemap" or "news-sitemap" => WatchSourceKind.Sitemap,
            "folder" or "dir" => WatchSourceKind.Folder,
            _ => throw new FormatException($"{file}: {where}: unknown kind '{entry.Kind}' (feed, sitemap or folder)"),
        };
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            if (kind == WatchSourceKind.Folder)
            {
                throw new FormatException($"{file}: {where}: '{address}' is an address, not a folder");
            }

            return new WatchSource(uri.AbsoluteUri, kind ?? WatchSourceKind.Web, interval);
        }

        if (address.Contains("://", StringComparison.Ordinal))
        {
            throw new FormatException($"{file}: {where}: '{address}' is not an http(s) address");
        }

        var full = Path.GetFullPath(Path.Combine(dir, address));
        if (!Directory.Exists(full))
        {
            throw new FormatException($"{file}: {where}: '{address}' is neither an http(s) address nor an existing folder");
        }

        if (kind is not (null or WatchSourceKind.Folder))
        {
            throw new FormatException($"{file}: {where}: '{address}' is a folder, not a {kind.Value.ToString().ToLowerInvariant()}");
        }

        return new WatchSource(full, WatchSourceKind.Folder, interval);
    }

    private static IEnumerable<(string, Entry)> Lines(string text)
    {
        var n = 0;
        foreach (var raw in text.Split('\n'))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            yield return ("line " + n.ToString(CultureInfo.InvariantCulture), new Entry(line, null, null));
        }
    }

    private static List<(string, Entry)> Json(string file, string text)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{file}: not valid JSON: {ex.Message}", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("sources", out var inner))
            {
                root = inner;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{file}: expected an array of sources (or {{\"sources\": [...]}})");
            }

            var list = new List<(string, Entry)>();
            var i = 0;
            foreach (var item in root.EnumerateArray())
            {
                var where = "source " + (++i).ToString(CultureInfo.InvariantCulture);
                string? Field(string name) => item.TryGetProperty(name, out var v) ? v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString(),
                    JsonValueKind.Number => v.GetRawText(),
                    _ => null,
                } : null;
                list.Add(item.ValueKind switch
                {
                    JsonValueKind.String => (where, new Entry(item.GetString()!, null, null)),
                    JsonValueKind.Object => (where, new Entry(Field("url") ?? Field("path") ?? throw new FormatException($"{file}: {where}: no \"url\" or \"path\""), Field("kind"), Field("interval"))),
                    _ => throw new FormatException($"{file}: {where}: expected an address or an object"),
                });
            }

            return list;
        }
    }

    private static List<(string, Entry)> Yaml(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new FormatException($"{file}: not valid YAML (line {ex.Start.Line}): {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("sources"), out var inner))
        {
            root = inner;
        }

        if (root is not YamlSequenceNode seq)
        {
            throw new FormatException($"{file}: expected a list of sources (or sources: [...])");
        }

        var list = new List<(string, Entry)>();
        foreach (var node in seq.Children)
        {
            var where = "line " + node.Start.Line.ToString(CultureInfo.InvariantCulture);
            switch (node)
            {
                case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                    list.Add((where, new Entry(scalar.Value!, null, null)));
                    break;
                case YamlMappingNode fields:
                    string? Field(string name) => fields.Children.TryGetValue(new YamlScalarNode(name), out var v) ? (v as YamlScalarNode)?.Value : null;
                    list.Add((where, new Entry(Field("url") ?? Field("path") ?? throw new FormatException($"{file}: {where}: no url or path"), Field("kind"), Field("interval"))));
                    break;
                default:
                    throw new FormatException($"{file}: {where}: expected an address or a mapping");
            }
        }

        return list;
    }
}
