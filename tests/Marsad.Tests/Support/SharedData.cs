namespace Marsad.Tests.Support;

/// <summary>
/// Finds the shared folder (seeds, gold, public data) that sits beside the repository. Third-party
/// texts are read from there, never committed.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> RootPath = new(FindRoot);

    public static string? Root => RootPath.Value;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason a test that needs the shared folder is skipped, or null when it must run.</summary>
    public static string? SkipReason =>
        Root is not null || IsCi ? null : "../shared (seeds, gold and public data) is not beside this clone; set MARSAD_SHARED to its path to run this test";

    public static string Path(params string[] parts)
    {
        var root = Root ?? throw new InvalidOperationException(
            "the shared folder is missing: CI must have ../shared beside the repository (or MARSAD_SHARED set)");
        return System.IO.Path.Combine([root, .. parts]);
    }

    public static string SeedsDir => Path("seeds");

    public static string GoldFile => Path("gold", "seeds.gold.json");

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return System.IO.Path.GetFullPath(env);
        }

        // Walk up from the test binaries to the repository root, then look beside it.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                var shared = System.IO.Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                return Directory.Exists(System.IO.Path.Combine(shared, "seeds")) ? shared : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs ../shared: skipped with a stated reason on a user's clone, a failure under CI.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        Skip = SharedData.SkipReason!;
    }
}

/// <summary>A theory that needs ../shared: skipped with a stated reason on a user's clone, a failure under CI.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        Skip = SharedData.SkipReason!;
    }
}

/// <summary>The repository's own folders (data/, samples/), found from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Directory.Build.props")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Samples => System.IO.Path.Combine(Root, "samples");

    public static string Data => System.IO.Path.Combine(Root, "data");
}
