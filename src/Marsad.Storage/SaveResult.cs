namespace Marsad.Storage;

/// <summary>What a save did: a new document, a changed one replaced, or nothing because it was unchanged.</summary>
public enum SaveResult
{
    Inserted,
    Updated,
    Unchanged,
}
