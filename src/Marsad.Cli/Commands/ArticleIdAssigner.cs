using System.Globalization;
using Marsad.Analysis;
using Marsad.Model;
using Marsad.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// Gives each article of a run (analyze, enqueue) the id it is stored under, after <see cref="InputArticles"/> bounded it. Rules:
/// <list type="bullet">
/// <item>an id the input gives (a record's id, guid or url) is kept: the same id from another file later is the same
/// article again and replaces it, with a warning when both its file and its content differ;</item>
/// <item>an id made from the file name (the input gave none) names the article only together with its file: the first
/// of <c>x</c>, <c>x~2</c>, <c>x~3</c>… that is not stored, or is stored with the same content, or is stored from the
/// same file (by full path) is taken. So <c>day1/x.txt</c> and, in a later run, <c>day2/x.txt</c> are two documents,
/// and re-analyzing a folder finds its ids again and stores nothing twice;</item>
/// <item>within one run an id is never given twice: a later article gets the next free <c>~n</c>;</item>
/// <item>a changed id costs a warning, except when it is the one the same file was stored under before.</item>
/// </list>
/// </summary>
internal sealed class ArticleIdAssigner(IDocumentStore? store, string verb)
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public int Renamed { get; private set; }

    public RawArticle Assign(RawArticle raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var hash = store is null ? null : ContentHash.Of(raw.Content);
        var fromFileName = raw.IdFromFileName && hash is not null;
        if (!fromFileName && hash is not null && !_taken.Contains(raw.Id))
        {
            WarnIfReplacingAnotherFile(raw, hash);
        }

        string? reason = null;
        var storedBefore = false;
        var id = raw.Id;
        for (var n = 2; ; n++)
        {
            if (_taken.Contains(id))
            {
                reason ??= "is used by an earlier input";
            }
            else if (!fromFileName)
            {
                break;
            }
            else if (Stored(id, raw, hash!) is not { } stored)
            {
                break;
            }
            else if (stored.Fits)
            {
                storedBefore = stored.Same;
                break;
            }
            else
            {
                reason ??= $"is stored from another file ({stored.Source})";
            }

            id = raw.Id + "~" + n.ToString(CultureInfo.InvariantCulture);
        }

        _taken.Add(id);
        if (id == raw.Id)
        {
            return raw;
        }

        if (!storedBefore)
        {
            Renamed++;
            AnalyzeReport.Warn($"{raw.SourcePath}: id '{raw.Id}' {reason}; {verb} as '{id}'");
        }

        return raw with { Id = id };
    }

    /// <summary>Null when nothing is stored under <paramref name="id"/>; else whether the article may take it.</summary>
    private (bool Fits, bool Same, string Source)? Stored(string id, RawArticle raw, string hash)
    {
        var storedHash = store!.GetContentHash(id);
        if (storedHash is null)
        {
            return null;
        }

        if (storedHash == hash)
        {
            return (true, true, "");
        }

        var source = store.Get(id)?.SourcePath ?? "";
        var same = SamePath(source, raw.SourcePath);
        return (same, same, source);
    }

    private void WarnIfReplacingAnotherFile(RawArticle raw, string hash)
    {
        var storedHash = store!.GetContentHash(raw.Id);
        if (storedHash is null || storedHash == hash)
        {
            return;
        }

        var source = store.Get(raw.Id)?.SourcePath ?? "";
        if (!SamePath(source, raw.SourcePath))
        {
            AnalyzeReport.Warn($"{raw.SourcePath}: id '{raw.Id}' replaces the document stored from {source} (the input gives this id to both)");
        }
    }

    private static bool SamePath(string stored, string current)
    {
        try
        {
            return string.Equals(Path.GetFullPath(stored), Path.GetFullPath(current), StringComparison.Ordinal);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return string.Equals(stored, current, StringComparison.Ordinal);
        }
    }
}
