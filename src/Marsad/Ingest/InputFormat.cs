namespace Marsad.Ingest;

/// <summary>The container format of an input file, which decides the reader.</summary>
public enum InputFormat
{
    /// <summary>Not an input Marsad reads.</summary>
    Unknown,
    Text,
    Html,
    Json,
    JsonLines,

    /// <summary>RSS 2.0 (or RSS 1.0 RDF) and Atom.</summary>
    Feed,
}
