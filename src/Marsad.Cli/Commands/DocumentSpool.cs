using System.Text;

namespace Marsad.Cli.Commands;

/// <summary>
/// Documents' contract JSON, written to a temporary file as each document is analyzed and read back in the same
/// order (to store them, then to write the analysis), so that a run never holds every document's JSON at once. Rules:
/// <list type="bullet">
/// <item>one object per line: the compact contract JSON escapes every line break inside its strings;</item>
/// <item>every object is added before the first read; reads run one after another, each from the start;</item>
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
    private bool _reading;

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
        if (_reading)
        {
            throw new InvalidOperationException("the spool is being read: every document is added before the first read");
        }

        _writer.Write(json);
        _writer.Write('\n');
        Count++;
    }

    /// <summary>Every object added, in order.</summary>
    public IEnumerable<string> Read()
    {
        _reading = true;
        _writer.Flush();
        _file.Position = 0;
        using var reader = new StreamReader(_file, Utf8, detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: true);
        for (var i = 0; i < Count && reader.ReadLine() is { } line; i++)
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
