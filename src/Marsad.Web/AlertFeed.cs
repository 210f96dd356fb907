using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Marsad.Monitoring;
using Marsad.Storage.Alerts;

namespace Marsad.Web;

/// <summary>
/// A watchlist's alerts as an Atom 1.0 feed (System.ServiceModel.Syndication), newest first, for any feed reader. An
/// entry's id is the alert's (<c>urn:marsad:alert:ID</c>), so a reader shows an alert once and sees it updated when it
/// gains a source; its content is plain text (the matching sentence, then each source with its outlet and sentence),
/// escaped by the XML writer; its links lead to the story on the dashboard and to the sources' pages.
/// </summary>
public static class AlertFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>The feed's XML; <paramref name="baseUrl"/> is the dashboard's address (scheme, host, port).</summary>
    public static byte[] Write(Watchlist watchlist, IReadOnlyList<StoredAlert> alerts, string baseUrl)
    {
        var updated = alerts.Count > 0 ? Time(alerts.Max(a => a.Updated)!) : Time(watchlist.Created);
        var feed = new SyndicationFeed(
            "Marsad: " + watchlist.Name,
            "Alerts of the watchlist " + watchlist.Name,
            new Uri(baseUrl + "/#/alerts?watchlist=" + Uri.EscapeDataString(watchlist.Id)),
            "urn:marsad:watchlist:" + watchlist.Id,
            updated)
        {
            Generator = "Marsad",
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Marsad" });
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl + "/feeds/watchlists/" + Uri.EscapeDataString(watchlist.Id) + ".atom"), "self", null, "application/atom+xml", 0));
        feed.Items = [.. alerts.Select(a => Item(a, baseUrl))];

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(xml);
        }

        return buffer.ToArray();
    }

    private static SyndicationItem Item(StoredAlert a, string baseUrl)
    {
        var text = new StringBuilder(Clean(a.Quote));
        foreach (var s in a.Sources)
        {
            text.Append("\n\n— ").Append(Clean(s.Outlet ?? s.Document));
            if (s.Published is not null)
            {
                text.Append(" (").Append(s.Published).Append(')');
            }

            text.Append(": ").Append(Clean(s.Quote));
        }

        var link = a.Story is not null ? baseUrl + "/#/stories/" + Uri.EscapeDataString(a.Story) : baseUrl + "/#/alerts";
        var item = new SyndicationItem(Clean(a.Title), new TextSyndicationContent(text.ToString()), new Uri(link), "urn:marsad:alert:" + a.Id, Time(a.Updated))
        {
            PublishDate = Time(a.Created),
            Summary = new TextSyndicationContent(Clean(a.Quote)),
        };
        foreach (var url in a.Sources.Select(s => s.Url).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                item.Links.Add(new SyndicationLink(uri, "related", null, "text/html", 0));
            }
        }

        return item;
    }

    // XML 1.0 cannot carry most control characters, escaped or not: an article's stray ones are dropped.
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
        }

        return sb.Length == text.Length ? text : sb.ToString();
    }

    private static DateTimeOffset Time(string iso) =>
        DateTimeOffset.TryParse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.UnixEpoch;
}
