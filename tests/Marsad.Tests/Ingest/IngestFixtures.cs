namespace Marsad.Tests.Ingest;

/// <summary>Locates the ingest fixtures copied beside the test binaries.</summary>
internal static class IngestFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", name);
}
