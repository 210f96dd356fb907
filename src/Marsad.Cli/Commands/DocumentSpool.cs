using System.Text;

namespace Marsad.Cli.Commands;

/// <summary>
/// Documents' contract JSON, written to a temporary file as each document is analyzed and read back in the same
/// order (to store them, then to write the analysis), so that a run never holds every document's JSON at once. Rules:
/// <list type="bullet">
/// <item>one object per line: the compact contract JSON escapes every line break inside its strings;</item>
/// <item>a read runs from a <see cref="Mark"/> (the start by default) to the last object added before it; objects may be
/// added between reads (a run in chunks spools and reads back one chunk at a time), never while a read is going on;</item>
/// <item>the file has no name once created where the system allows it (Unix), and is deleted when closed elsewhere,
/// so even a killed run leaves nothing behind.</item>
/// </list>
/// </summary>
internal sealed class DocumentSpool : IDisposable
{
    private const int BufferSize = 1 << 16;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly FileStream _file;
    private readonly StreamWriter _writer;
    private bool _moved;

    /// <summary>Creates the spool in <paramref name="directory"/> (beside the output, so it uses the output's disk).</summary>
    public DocumentSpool(string directory)
    {
        var path = Path.Combine(directory, $".marsad-{Guid.NewGuid():N}.spool");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, BufferSize, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }

        _writer = new StreamWriter(_file, Utf8, BufferSize, leaveOpen: true);
    }

    public int Count { get; private set; }

    public void Add(string json)
    {
        if (_moved)
        {
            // A read left the file's position inside it: objects are added at the end.
            _writer.Flush();
            _file.Seek(0, SeekOrigin.End);
            _moved = false;
        }

        _writer.Write(json);
        _writer.Write('\n');
        Count++;
    }

    /// <summary>Where the next object added will be: a later read can start there.</summary>
    public SpoolMark Mark()
    {
        _writer.Flush();
        return new SpoolMark(Count, _file.Length);
    }

    /// <summary>The objects added since <paramref name="from"/> (every object by default), in order.</summary>
    public IEnumerable<string> Read(SpoolMark from = default)
    {
        _writer.Flush();
        _moved = true;
        var count = Count - from.Index;
        _file.Position = from.Offset;
        using var reader = new StreamReader(_file, Utf8, detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: true);
        for (var i = 0; i < count && reader.ReadLine() is { } line; i++)
        {
            yield return line;
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}

/// <summary>A place in a <see cref="DocumentSpool"/>: the number of objects before it and their length in bytes.</summary>
internal readonly record struct SpoolMark(int Index, long Offset);
