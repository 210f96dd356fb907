using System.Security.Cryptography;
using System.Text;

namespace Marsad.Model;

/// <summary>
/// Bounds document ids. An id comes from the input (a file name, a JSON id or url, an RSS guid) and may be any length,
/// but a key past a few kilobytes breaks PostgreSQL's primary-key index and Lucene's term limit. An id longer than
/// <see cref="MaxBytes"/> UTF-8 bytes keeps its start, cut on a character boundary, and ends in <c>~</c> and 16 hex
/// digits of the SHA-256 of the whole id: stable across runs, and two long ids with the same start stay apart.
/// </summary>
public static class DocumentIds
{
    public const int MaxBytes = 512;

    private const int HashChars = 16;

    public static string Bound(string id)
    {
        if (Encoding.UTF8.GetByteCount(id) <= MaxBytes)
        {
            return id;
        }

        var budget = MaxBytes - 1 - HashChars;
        var end = 0;
        var bytes = 0;
        while (end < id.Length)
        {
            var width = char.IsHighSurrogate(id[end]) && end + 1 < id.Length && char.IsLowSurrogate(id[end + 1]) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(id.AsSpan(end, width));
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            end += width;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..HashChars];
        return id[..end] + "~" + hash;
    }
}
