namespace Marsad.Monitoring;

/// <summary>One entry a feed or sitemap lists: the article's address, and what the listing says of it.</summary>
public sealed record FeedItem(Uri Url, string? Title, DateOnly? Published);

/// <summary>What one fetched listing holds: its articles, and (for a sitemap index) the sitemaps it points to.</summary>
public sealed record FeedListing(string Kind, IReadOnlyList<FeedItem> Items, IReadOnlyList<Uri> Sitemaps);
