using System.Text;
using System.Text.Json;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// The opaque cursor of a paged answer: the last row's sort key and id, as base64url JSON. The next page starts after
/// that row (keyset paging: the page is found through the order's index, never by skipping rows).
/// </summary>
internal static class KeysetCursor
{
    public static string Encode(string key, string id) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new[] { key, id }))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key and id of a cursor; a cursor this store did not give is a <see cref="FormatException"/>.</summary>
    public static (string Key, string Id) Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - (base64.Length % 4)) % 4);
            var parts = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            if (parts is [{ } key, { } id])
            {
                return (key, id);
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            // Reported below with the one message.
        }

        throw new FormatException("the cursor is not one this store gave (pass the 'next' of the previous page)");
    }
}
