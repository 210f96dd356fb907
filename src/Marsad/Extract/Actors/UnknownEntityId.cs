using System.Security.Cryptography;
using System.Text;
using Marsad.Extract.Places;

namespace Marsad.Extract.Actors;

/// <summary>
/// The id of an entity the tables do not know: "x-", the type in lower case, "-", and the first 10 hex digits of
/// the SHA-256 of its <see cref="NameKey"/>. Same name and type, same id: across documents, runs and machines.
/// </summary>
public static class UnknownEntityId
{
    public static string For(string type, string name)
    {
        var key = NameKey.Of(name);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return "x-" + type.ToLowerInvariant() + "-" + Convert.ToHexStringLower(hash[..5]);
    }
}
