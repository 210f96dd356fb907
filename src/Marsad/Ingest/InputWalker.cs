namespace Marsad.Ingest;

/// <summary>
/// Expands the INPUT arguments into the files to read. Rules:
/// <list type="bullet">
/// <item>inputs are handled in the order given; a file named explicitly is taken whatever its extension
/// (the reader sniffs its content);</item>
/// <item>a folder is walked recursively and gives the files with a supported extension
/// (<see cref="InputFormats.Extensions"/>), sorted by ordinal order of their path relative to the folder
/// ('/' separated), so every machine reads them in the same order;</item>
/// <item>names starting with '.' (.git, .DS_Store) are skipped inside folders;</item>
/// <item>symbolic links are followed; a link back to a folder on its own path is a loop, reported once
/// and skipped; a folder reached a second time through another link is skipped silently, and so is
/// a file already listed;</item>
/// <item>a missing input or an unreadable folder gives an error entry, never an exception.</item>
/// </list>
/// </summary>
public static class InputWalker
{
    public static IEnumerable<InputEntry> Walk(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var seenDirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            foreach (var entry in WalkOne(input, seenFiles, seenDirs))
            {
                yield return entry;
            }
        }
    }

    private static IEnumerable<InputEntry> WalkOne(string input, HashSet<string> seenFiles, HashSet<string> seenDirs)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            yield return InputEntry.Problem(input ?? "", "empty input path");
            yield break;
        }

        if (File.Exists(input))
        {
            var real = RealPath.Resolve(input) ?? Path.GetFullPath(input);
            if (seenFiles.Add(real))
            {
                yield return InputEntry.File(input);
            }

            yield break;
        }

        if (!Directory.Exists(input))
        {
            var reason = new FileInfo(input).LinkTarget is not null ? "broken symbolic link" : "no such file or folder";
            yield return InputEntry.Problem(input, reason);
            yield break;
        }

        var rootReal = RealPath.Resolve(input);
        if (rootReal is null)
        {
            yield return InputEntry.Problem(input, "symbolic link loop");
            yield break;
        }

        if (!seenDirs.Add(rootReal))
        {
            yield break;
        }

        var files = new List<(string Relative, string Path)>();
        var problems = new List<InputEntry>();
        var pending = new Stack<(string Path, string Relative, string Real)>();
        pending.Push((input, "", rootReal));
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = false,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };
        while (pending.Count > 0)
        {
            var (dir, relative, real) = pending.Pop();
            List<FileSystemInfo> children;
            try
            {
                children = [.. new DirectoryInfo(dir).EnumerateFileSystemInfos("*", options)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add(InputEntry.Problem(dir, "cannot read folder: " + OneLine(e.Message)));
                continue;
            }

            // Enumeration order is the file system's; sorting makes the choice between two links to one folder stable.
            children.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var child in children)
            {
                if (child.Name.StartsWith('.'))
                {
                    continue;
                }

                var childRelative = relative.Length == 0 ? child.Name : relative + "/" + child.Name;
                var isLink = child.LinkTarget is not null;
                var isDir = (child.Attributes & FileAttributes.Directory) != 0 || (isLink && Directory.Exists(child.FullName));
                if (isDir)
                {
                    var childReal = isLink ? RealPath.Resolve(child.FullName) : Path.Combine(real, child.Name);
                    if (childReal is null || IsSameOrAncestor(childReal, real))
                    {
                        problems.Add(InputEntry.Problem(child.FullName, "symbolic link loop, skipped"));
                        continue;
                    }

                    if (seenDirs.Add(childReal))
                    {
                        pending.Push((child.FullName, childRelative, childReal));
                    }

                    continue;
                }

                if (isLink && !File.Exists(child.FullName))
                {
                    if (InputFormats.IsSupported(child.Name))
                    {
                        problems.Add(InputEntry.Problem(child.FullName, "broken symbolic link"));
                    }

                    continue;
                }

                if (!InputFormats.IsSupported(child.Name))
                {
                    continue;
                }

                var fileReal = isLink ? RealPath.Resolve(child.FullName) ?? child.FullName : Path.Combine(real, child.Name);
                if (seenFiles.Add(fileReal))
                {
                    files.Add((childRelative, Path.Combine(dir, child.Name)));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        foreach (var problem in problems)
        {
            yield return problem;
        }

        foreach (var (_, path) in files)
        {
            yield return InputEntry.File(path);
        }
    }

    /// <summary>True when <paramref name="candidate"/> is <paramref name="dir"/> or one of its ancestors.</summary>
    private static bool IsSameOrAncestor(string candidate, string dir)
    {
        if (string.Equals(candidate, dir, StringComparison.Ordinal))
        {
            return true;
        }

        var prefix = candidate.EndsWith(Path.DirectorySeparatorChar) ? candidate : candidate + Path.DirectorySeparatorChar;
        return dir.StartsWith(prefix, StringComparison.Ordinal);
    }

    internal static string OneLine(string message)
    {
        var text = message.ReplaceLineEndings(" ").Trim();
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
