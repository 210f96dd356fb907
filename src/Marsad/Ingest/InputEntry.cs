namespace Marsad.Ingest;

/// <summary>One item of an expanded input list: a file to read, or a problem found while walking.</summary>
public sealed record InputEntry
{
    private InputEntry(string path, ReadError? error)
    {
        Path = path;
        Error = error;
    }

    /// <summary>The file (or, for an error, the path the problem concerns).</summary>
    public string Path { get; }

    public ReadError? Error { get; }

    public bool IsFile => Error is null;

    public static InputEntry File(string path) => new(path, null);

    public static InputEntry Problem(string path, string message) => new(path, new ReadError(path, message));
}
