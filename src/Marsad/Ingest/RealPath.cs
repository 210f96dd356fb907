namespace Marsad.Ingest;

/// <summary>
/// Resolves a path to its physical location by following symbolic links component by component,
/// like POSIX <c>realpath</c>. Rules: at most <see cref="MaxLinkHops"/> links are followed (the
/// kernel's limit), after which the path is a loop and <c>null</c> is returned; a dangling link
/// also gives <c>null</c>.
/// </summary>
internal static class RealPath
{
    public const int MaxLinkHops = 40;

    public static string? Resolve(string path)
    {
        var pending = new Stack<string>();
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        PushComponents(pending, full[root.Length..]);
        var current = root;
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            var next = Path.Combine(current, part);
            FileSystemInfo info = new FileInfo(next);
            if (!info.Exists)
            {
                info = new DirectoryInfo(next);
                if (!info.Exists && info.LinkTarget is null)
                {
                    return null;
                }
            }

            var target = info.LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            // A link's target is relative to the folder holding the link; an absolute target restarts at its root.
            var combined = Path.GetFullPath(Path.Combine(current, target));
            var targetRoot = Path.GetPathRoot(combined) ?? "/";
            PushComponents(pending, combined[targetRoot.Length..]);
            current = targetRoot;
        }

        return current;
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
