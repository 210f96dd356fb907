using System.Text.Json;
using Marsad.Extract.Times;
using Marsad.Model;
using Marsad.Tests.Support;

namespace Marsad.Tests.Extract.Times;

/// <summary>Runs the JSON specs of tests/specs/ar/times: each case's expressions, kinds, values and mods, in order.</summary>
public sealed class TimeSpecTests
{
    private static string SpecDir => Path.Combine(RepoPaths.Root, "tests", "specs", "ar", "times");

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(SpecDir, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var n = doc.RootElement.GetProperty("cases").GetArrayLength();
            for (var i = 0; i < n; i++)
            {
                data.Add(Path.GetFileName(file), i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CaseMatchesSpec(string file, int index)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SpecDir, file)));
        var c = doc.RootElement.GetProperty("cases")[index];
        var input = c.GetProperty("input").GetString()!;
        var reference = DateOnly.Parse(c.GetProperty("reference").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var expected = c.GetProperty("results").EnumerateArray()
            .Select(r => $"{r.GetProperty("text").GetString()} | {r.GetProperty("kind").GetString()} | {r.GetProperty("value").GetString()} | {(r.TryGetProperty("mod", out var m) ? m.GetString() : null)}")
            .ToList();

        var expressions = TimeExtractor.Default.Extract(input);
        var mentions = TimeResolver.Default.ResolveAll(input, expressions, reference);
        var actual = mentions.Select(m => $"{m.Span.Of(input)} | {Kind(m.Kind)} | {m.Value} | {m.Mod}").ToList();

        Assert.Equal(expected, actual);
    }

    private static string Kind(TimeKind kind) => kind.ToString().ToUpperInvariant();
}
