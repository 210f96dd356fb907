namespace Marsad.Monitoring;

/// <summary>
/// The one form of an article's address that the watcher keys it by, so the same page reached through two feeds (or
/// with a campaign tag) is one article: scheme and host in lower case, the default port and the fragment dropped,
/// tracking parameters (<c>utm_*</c>, <c>fbclid</c>, <c>gclid</c>…) removed, the rest of the query kept in its order.
/// </summary>
public static class CanonicalUrl
{
    private static readonly string[] TrackingPrefixes = ["utm_"];

    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "ref_src", "_ga",
    };

    /// <summary>The canonical form of an absolute http(s) address, or null when it is not one.</summary>
    public static Uri? Of(string? url, Uri? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        // "/a/1" is an absolute file path to Uri on Unix: a path is taken as relative to the listing's address.
        var text = url.Trim();
        if (text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal))
        {
            return baseUrl is not null && Uri.TryCreate(baseUrl, new Uri(text, UriKind.Relative), out var resolved) ? Of(resolved) : null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return Of(uri);
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, text, out uri) ? Of(uri) : null;
    }

    public static Uri? Of(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var query = uri.Query.TrimStart('?');
        var kept = query.Length == 0
            ? []
            : query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(pair => !IsTracking(pair)).ToArray();
        var builder = new UriBuilder(uri)
        {
            Scheme = uri.Scheme.ToLowerInvariant(),
            Host = uri.Host.ToLowerInvariant(),
            Port = uri.IsDefaultPort ? -1 : uri.Port,
            Fragment = "",
            Query = string.Join('&', kept),
        };
        return builder.Uri;
    }

    private static bool IsTracking(string pair)
    {
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        var name = eq < 0 ? pair : pair[..eq];
        return TrackingNames.Contains(name) || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
