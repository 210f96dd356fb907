namespace Marsad.Ingest;

/// <summary>
/// Decoded file content: the text and the encoding name (e.g. "utf-8", "utf-16le", "windows-1256"),
/// or the reason the bytes are not text.
/// </summary>
public sealed record DecodedText(string? Text, string EncodingName, string? Error)
{
    public bool IsText => Error is null;
}
