using System.Security.Cryptography;
using System.Text;

namespace Marsad.Analysis;

/// <summary>The content hash of an article: SHA-256 of its decoded content as UTF-8, lower-case hex.</summary>
public static class ContentHash
{
    public static string Of(string content)
    {
        var max = Encoding.UTF8.GetMaxByteCount(content.Length);
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = Encoding.UTF8.GetBytes(content, rented);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, n), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
