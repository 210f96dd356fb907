using System.Text;

namespace Marsad.Ingest;

/// <summary>The encoding found for a byte sequence, how many bytes of byte order mark precede the text, and its name.</summary>
public sealed record DetectedEncoding(Encoding Encoding, string Name, int PreambleLength);
