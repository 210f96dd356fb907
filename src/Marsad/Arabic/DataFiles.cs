namespace Marsad.Arabic;

/// <summary>
/// Locates the language data files (lexicons, patterns, gazetteer, models) that ship in <c>data/</c>
/// beside the binaries. <c>MARSAD_DATA</c> points elsewhere, for development.
/// </summary>
public static class DataFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            return System.IO.Path.GetFullPath(env);
        }

        return System.IO.Path.Combine(AppContext.BaseDirectory, "data");
    });

    public static string Root => RootPath.Value;

    /// <summary>The full path of a data file, e.g. <c>Path("ar", "boilerplate.tsv")</c>; throws a clear error when it is missing.</summary>
    public static string Path(params string[] parts)
    {
        var full = System.IO.Path.Combine([Root, .. parts]);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"data file '{string.Join('/', parts)}' is missing under {Root}", full);
        }

        return full;
    }
}
