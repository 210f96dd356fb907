using System.Text;

namespace Marsad.Cli.Commands;

/// <summary>
/// Documents' contract JSON, written to a temporary file as each document is analyzed and read back in the same
/// order (to store them, then to write the analysis), so that a run never holds every document's JSON at once. One
/// object per line: the compact contract JSON escapes every line break inside its strings. The file is deleted on dispose.
/// </summary>
internal sealed class DocumentSpool : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _path;
    private readonly StreamWriter _writer;

    /// <summary>Creates the spool in <paramref name="directory"/> (beside the output, so it has the output's disk).</summary>
    public DocumentSpool(string directory)
    {
        _path = Path.Combine(directory, $".marsad-{Guid.NewGuid():N}.spool");
        _writer = new StreamWriter(new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete), Utf8);
    }

    public int Count { get; private set; }

    public void Add(string json)
    {
        _writer.Write(json);
        _writer.Write('\n');
        Count++;
    }

    /// <summary>Every object added so far, in order; may be called more than once.</summary>
    public IEnumerable<string> Read()
    {
        _writer.Flush();
        using var reader = new StreamReader(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Utf8);
        for (var i = 0; i < Count && reader.ReadLine() is { } line; i++)
        {
            yield return line;
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        try
        {
            File.Delete(_path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A spool left behind is harmless; it never replaces the output.
        }
    }
}
