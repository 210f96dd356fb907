namespace Marsad.Model;

/// <summary>
/// Documents about one unfolding news story: its id (s1, s2… in the order stories opened), a title, the documents
/// in the order they joined, and the first and last dates its documents give (null when none is dated).
/// </summary>
public sealed record Story(string Id, string Title, IReadOnlyList<string> Documents, DateOnly? First, DateOnly? Last);
