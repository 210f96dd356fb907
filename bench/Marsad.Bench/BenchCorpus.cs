using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Marsad.Bench;

/// <summary>Where the benchmarks find the shared article corpus, and its first article texts.</summary>
public static class BenchCorpus
{
    /// <summary>The shared folder: MARSAD_SHARED, else <c>shared/</c> beside the repository.</summary>
    public static string SharedRoot()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                if (Directory.Exists(shared))
                {
                    return shared;
                }
            }
        }

        throw new DirectoryNotFoundException("shared data not found: set MARSAD_SHARED or place shared/ beside the repository");
    }

    /// <summary>The first <paramref name="count"/> non-empty article texts of the ANT multisource corpus.</summary>
    public static string[] LoadArticles(int count)
    {
        var path = Path.Combine(SharedRoot(), "data", "corpus", "ant_v2.1_multisource.jsonl.gz");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var texts = new List<string>(count);
        while (texts.Count < count && reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } s)
            {
                texts.Add(s);
            }
        }

        return texts.ToArray();
    }
}
