using Marsad.Fuzz;

namespace Marsad.Tests.Robustness;

/// <summary>
/// Replays through the fuzz targets every input kept under Fixtures/fuzz/&lt;target&gt;/ (each a crash or a hang the
/// fuzzer once found, or a hand-made input of a bug found another way) and the fuzzer's seeds: none may throw.
/// </summary>
public class FuzzRegressionTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var root in new[] { "Fixtures/fuzz", "Fixtures/fuzz-seeds" })
        {
            foreach (var target in FuzzTargets.All.Keys)
            {
                var folder = Path.Combine(AppContext.BaseDirectory, root, target);
                if (!Directory.Exists(folder))
                {
                    continue;
                }

                foreach (var file in Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
                {
                    data.Add(target, Path.GetRelativePath(AppContext.BaseDirectory, file));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void TheInputRunsThroughTheTargetWithoutThrowing(string target, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        FuzzTargets.All[target](bytes);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{file} took {watch.Elapsed.TotalSeconds:F1} s");
    }
}
