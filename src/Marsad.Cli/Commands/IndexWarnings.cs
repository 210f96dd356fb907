namespace Marsad.Cli.Commands;

/// <summary>The line every command prints for a document the search index could not take (it is stored, and the run goes on).</summary>
internal static class IndexWarnings
{
    public static void Skipped(string id, string reason) =>
        Console.Error.WriteLine($"marsad: warning: {id}: left out of the search index ({Program.OneLine(reason)})");
}
