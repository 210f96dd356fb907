using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Marsad.Ingest;

/// <summary>
/// Opens an input file for reading without ever blocking on it. Rules:
/// <list type="bullet">
/// <item>on Linux and macOS the file is opened non-blocking, because opening a named pipe (FIFO) for reading waits for a
/// writer forever and a folder walk would hang on it;</item>
/// <item>a file that cannot seek (a pipe, a socket, a terminal) is refused as "not a regular file";</item>
/// <item>elsewhere, or when the non-blocking open fails, the ordinary open is used and its exception stands.</item>
/// </list>
/// </summary>
internal static class FileOpener
{
    public const string NotRegularMessage = "not a regular file (a pipe, socket or device)";

    public static FileStream OpenRead(string path)
    {
        var flags = OperatingSystem.IsLinux() ? 0x800 | 0x80000 // O_NONBLOCK | O_CLOEXEC
            : OperatingSystem.IsMacOS() ? 0x4 | 0x1000000 : -1;
        if (flags < 0)
        {
            return File.OpenRead(path);
        }

        var fd = Open(path, flags);
        if (fd < 0)
        {
            // Let the ordinary open say what is wrong (no such file, permission denied) in .NET's words.
            return File.OpenRead(path);
        }

        var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize: 0);
        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw new IOException(NotRegularMessage);
        }

        return stream;
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
