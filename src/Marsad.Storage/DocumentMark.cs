using System.Globalization;

namespace Marsad.Storage;

/// <summary>
/// A place in the order in which documents were written: the write time (UTC) and the id, the keyset of
/// <see cref="IDocumentStore.ChangedSince"/>. Kept as text by a follower (<see cref="Format"/>, <see cref="TryParse"/>).
/// </summary>
public readonly record struct DocumentMark(DateTime At, string Id) : IComparable<DocumentMark>
{
    /// <summary>The time as both stores compare it: UTC, ISO 8601 with seven fractional digits (fixed width, so text order is time order).</summary>
    public string Time => At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The mark <paramref name="span"/> earlier, before every document written at that time.</summary>
    public DocumentMark Before(TimeSpan span) => new(At.ToUniversalTime() - span, "");

    public int CompareTo(DocumentMark other)
    {
        var byTime = At.ToUniversalTime().CompareTo(other.At.ToUniversalTime());
        return byTime != 0 ? byTime : string.CompareOrdinal(Id, other.Id);
    }

    public string Format() => Time + " " + Id;

    /// <summary>The mark of <see cref="Format"/>'s text; false for anything else.</summary>
    public static bool TryParse(string? text, out DocumentMark mark)
    {
        mark = default;
        var space = text?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (space < 0 || !DateTime.TryParse(text![..space], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return false;
        }

        mark = new DocumentMark(DateTime.SpecifyKind(at, DateTimeKind.Utc), text[(space + 1)..]);
        return true;
    }

    /// <summary>The UTC time of a stored time text (SQLite keeps ISO 8601 text).</summary>
    public static DateTime ParseTime(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), DateTimeKind.Utc);
}
