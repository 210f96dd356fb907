using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Marsad.Monitoring;

/// <summary>
/// HTTP as a good citizen of the sites it watches. Rules:
/// <list type="bullet">
/// <item>a User-Agent that names the tool; gzip, deflate and brotli accepted;</item>
/// <item>each host's robots.txt is fetched first (kept for <see cref="FetchOptions.RobotsTtl"/>) and honoured for every
/// address and every redirect target: a disallowed address is never requested. A robots.txt answered 4xx allows all,
/// one that fails (5xx, timeout) disallows all until it is fetched again;</item>
/// <item>one request at a time per host, at least <see cref="FetchOptions.HostDelay"/> (or the site's Crawl-delay)
/// apart, over one connection per server;</item>
/// <item>5xx, 408, 429 and timeouts are retried with exponential backoff and jitter (Polly, through
/// <see cref="ResilienceHandler"/>), each attempt bounded by <see cref="FetchOptions.Timeout"/>;</item>
/// <item>redirects are followed here, not by the handler, so each hop is checked against robots.txt, and a loop or a
/// chain over <see cref="FetchOptions.MaxRedirects"/> fails;</item>
/// <item>a body is read up to <see cref="FetchOptions.MaxBodyBytes"/> and no further (a larger declared length fails
/// before reading);</item>
/// <item>conditional requests: the validators given are sent as If-None-Match / If-Modified-Since, and a 304 is
/// <see cref="FetchStatus.NotModified"/>.</item>
/// </list>
/// Thread-safe: sources on different hosts are fetched in parallel.
/// </summary>
public sealed class WebFetcher : IDisposable
{
    private readonly FetchOptions _options;
    private readonly HttpClient _client;
    private readonly HostGate _gate = new();
    private readonly ConcurrentDictionary<string, (RobotsTxt Robots, DateTime Until)> _robots = new(StringComparer.OrdinalIgnoreCase);
    private long _requests;
    private long _retries;

    public WebFetcher(FetchOptions? options = null)
    {
        _options = options ?? new FetchOptions();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, _options.Retries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                MaxDelay = TimeSpan.FromMinutes(1),
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref _retries);
                    return default;
                },
            })
            .AddTimeout(_options.Timeout)
            .Build();
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = _options.Timeout,
            UseCookies = false,

            // A body left unread (over the limit) closes its connection at once rather than being drained.
            MaxResponseDrainSize = 0,
        };
        _client = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = sockets })
        {
            // The pipeline bounds each attempt; the body has its own bound.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.9, */*;q=0.5");
    }

    /// <summary>Requests sent (each retry counts), robots.txt included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Attempts repeated after a transient failure.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Fetches <paramref name="url"/> (sending <paramref name="validators"/> when given), following redirects.</summary>
    public async Task<FetchResult> GetAsync(Uri url, Validators? validators, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(url);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
            {
                return FetchResult.Failure(current, $"not an http(s) address: {current}");
            }

            if (!visited.Add(current.AbsoluteUri))
            {
                return FetchResult.Failure(url, $"redirect loop at {current}");
            }

            if (hop > _options.MaxRedirects)
            {
                return FetchResult.Failure(url, $"more than {_options.MaxRedirects} redirects");
            }

            var robots = await RobotsAsync(current, cancel).ConfigureAwait(false);
            if (!robots.IsAllowed(current))
            {
                return new FetchResult(FetchStatus.Disallowed, current, null, null, Validators.None, null, $"disallowed by robots.txt: {current}");
            }

            var outcome = await SendAsync(current, hop == 0 ? validators : null, _options.MaxBodyBytes, Interval(robots), cancel).ConfigureAwait(false);
            if (outcome.Redirect is { } next)
            {
                current = next;
                continue;
            }

            return outcome.Result!;
        }
    }

    public void Dispose() => _client.Dispose();

    private TimeSpan Interval(RobotsTxt robots) =>
        robots.CrawlDelay is { } delay && delay > _options.HostDelay
            ? (delay < _options.MaxCrawlDelay ? delay : _options.MaxCrawlDelay)
            : _options.HostDelay;

    private async Task<RobotsTxt> RobotsAsync(Uri url, CancellationToken cancel)
    {
        var key = url.GetLeftPart(UriPartial.Authority);
        if (_robots.TryGetValue(key, out var cached) && cached.Until > DateTime.UtcNow)
        {
            return cached.Robots;
        }

        var robotsUrl = new Uri(new Uri(key), "/robots.txt");
        RobotsTxt robots;

        // robots.txt may redirect (RFC 9309 allows five hops); its own fetch is not checked against itself.
        var current = robotsUrl;
        var result = (FetchResult?)null;
        for (var hop = 0; hop <= _options.MaxRedirects; hop++)
        {
            var outcome = await SendAsync(current, null, 512 * 1024, _options.HostDelay, cancel).ConfigureAwait(false);
            if (outcome.Redirect is { } next)
            {
                current = next;
                continue;
            }

            result = outcome.Result;
            break;
        }

        if (result is { Status: FetchStatus.Ok, Body: { } body })
        {
            robots = RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(body), FetchOptions.ProductToken);
        }
        else if (result?.HttpStatus is >= 400 and < 500)
        {
            robots = RobotsTxt.AllowAll;
        }
        else
        {
            robots = RobotsTxt.DisallowAll;
        }

        _robots[key] = (robots, DateTime.UtcNow + (ReferenceEquals(robots, RobotsTxt.DisallowAll) ? TimeSpan.FromMinutes(5) : _options.RobotsTtl));
        return robots;
    }

    private async Task<(FetchResult? Result, Uri? Redirect)> SendAsync(Uri url, Validators? validators, long maxBytes, TimeSpan interval, CancellationToken cancel)
    {
        using var entered = await _gate.EnterAsync(url, interval, cancel).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (validators?.LastModified is { } modified && DateTimeOffset.TryParse(modified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        HttpResponseMessage response;
        try
        {
            Interlocked.Increment(ref _requests);
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancel.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or IOException)
        {
            return (FetchResult.Failure(url, ex is Polly.Timeout.TimeoutRejectedException ? $"timed out after {_options.Timeout.TotalSeconds:0.#} s" : OneLine(ex.Message)), null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && status != 304)
            {
                if (response.Headers.Location is not { } location)
                {
                    return (FetchResult.Failure(url, $"HTTP {status} without a Location", status), null);
                }

                return (null, location.IsAbsoluteUri ? location : new Uri(url, location));
            }

            var got = new Validators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            if (status == 304)
            {
                return (new FetchResult(FetchStatus.NotModified, url, null, null, validators ?? got, status, null), null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return (FetchResult.Failure(url, $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), status), null);
            }

            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
            {
                return (FetchResult.Failure(url, $"body of {length:N0} bytes over the limit of {maxBytes:N0}", status), null);
            }

            using var bodyCancel = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            bodyCancel.CancelAfter(_options.BodyTimeout);
            try
            {
                var body = await ReadBoundedAsync(response.Content, maxBytes, bodyCancel.Token).ConfigureAwait(false);
                if (body is null)
                {
                    return (FetchResult.Failure(url, $"body over the limit of {maxBytes:N0} bytes (reading stopped there)", status), null);
                }

                return (new FetchResult(FetchStatus.Ok, url, body, response.Content.Headers.ContentType?.CharSet, got, status, null), null);
            }
            catch (Exception ex) when (!cancel.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or IOException)
            {
                return (FetchResult.Failure(url, ex is OperationCanceledException ? $"body not read in {_options.BodyTimeout.TotalSeconds:0} s" : OneLine(ex.Message), status), null);
            }
        }
    }

    // Reads at most max bytes; null when the body goes on past them (the rest is never read: the connection is dropped).
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, long max, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max + 1 - buffer.Length)), cancel).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return null;
            }
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
