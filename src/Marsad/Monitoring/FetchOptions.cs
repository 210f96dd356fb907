namespace Marsad.Monitoring;

/// <summary>How politely and how patiently <see cref="WebFetcher"/> fetches.</summary>
public sealed record FetchOptions
{
    /// <summary>The product token robots.txt groups are matched against, and the start of the User-Agent.</summary>
    public const string ProductToken = "Marsad";

    public string UserAgent { get; init; } = $"{ProductToken}/{typeof(FetchOptions).Assembly.GetName().Version?.ToString(3) ?? "1.0"} (Arabic news observatory; marsad watch)";

    /// <summary>The least time between two requests to one host (a robots.txt Crawl-delay may ask for more).</summary>
    public TimeSpan HostDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Crawl-delay honoured; a site asking for more is polled at this pace.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may wait for the answer's headers.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long reading one body may take.</summary>
    public TimeSpan BodyTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Attempts after the first on a 5xx, 408, 429 or a timeout, with exponential backoff and jitter.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry's delay (the base of the exponential backoff).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Redirects followed for one request; a longer chain or a loop is a failure.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>The largest body read; reading stops at this size and the fetch fails.</summary>
    public long MaxBodyBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>How long a host's robots.txt is trusted before it is fetched again.</summary>
    public TimeSpan RobotsTtl { get; init; } = TimeSpan.FromHours(1);
}
