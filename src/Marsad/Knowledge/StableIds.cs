using System.Security.Cryptography;
using System.Text;

namespace Marsad.Knowledge;

/// <summary>
/// Ids that never change, derived from what first made the object: a story from its opening document ("s" + 10
/// base-32 characters of SHA-256 of the document id, 50 bits), an event from its first mention (document id and
/// offset), a discrepancy from its story, kind, subject and claims. When an id is already taken (a hash collision, or
/// a mention that made an event before) the next attempt hashes the same text with a counter.
/// </summary>
public static class StableIds
{
    private const int Length = 10;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string Story(string openingDocument, Func<string, bool> taken) => Unique("s", openingDocument, taken);

    public static string Event(string document, int start, Func<string, bool> taken) =>
        Unique("v", document + ":" + start.ToString(System.Globalization.CultureInfo.InvariantCulture), taken);

    public static string Discrepancy(string story, string signature, Func<string, bool> taken) => Unique("d", story + "\n" + signature, taken);

    private static string Unique(string prefix, string text, Func<string, bool> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var id = prefix + Hash(attempt == 0 ? text : text + "#" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!taken(id))
            {
                return id;
            }
        }
    }

    /// <summary>The first 50 bits of SHA-256 of the text, in lower-case base 32.</summary>
    private static string Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        var bits = 0UL;
        for (var i = 0; i < 8; i++)
        {
            bits = (bits << 8) | digest[i];
        }

        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[(int)(bits >> (64 - 5 * (i + 1))) & 31];
        }

        return new string(chars);
    }
}
