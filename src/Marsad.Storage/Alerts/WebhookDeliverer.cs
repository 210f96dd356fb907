using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Marsad.Storage.Alerts;

/// <summary>
/// Sends the outbox's webhook deliveries (<see cref="IAlertStore.DueDeliveries"/>): each is claimed first, then POSTed
/// as JSON with <see cref="DeliveryHeader"/> (the id a receiver dedupes on: a delivery whose success was not recorded, the
/// process stopped, is sent again) and <see cref="SignatureHeader"/> <c>sha256=HEX</c>, the HMAC-SHA256 of the body
/// under the watchlist's secret. One try retries with backoff (Microsoft.Extensions.Http.Resilience); a try that still
/// fails is put back in the outbox for later (<see cref="WebhookOptions"/>). Redirects are not followed (a receiver
/// moved is a failure to fix, not a place to send signed alerts blindly).
/// </summary>
public sealed class WebhookDeliverer : IDisposable
{
    public const string SignatureHeader = "X-Marsad-Signature";

    public const string DeliveryHeader = "X-Marsad-Delivery";

    private readonly IAlertStore _store;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;

    public WebhookDeliverer(IAlertStore store, WebhookOptions? options = null, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        _store = store;
        _options = options ?? WebhookOptions.Default;
        _time = time ?? TimeProvider.System;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = _options.Retries,
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(_options.RequestTimeout)
            .Build();
        _client = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = handler ?? new SocketsHttpHandler { AllowAutoRedirect = false } })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Marsad-Alerts/1.0");
    }

    /// <summary>The signature header's value for a body: <c>sha256=</c> and the lower-case hex HMAC-SHA256 under the secret.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Sends every delivery due now; returns how many were delivered and how many failed (to be tried again or given up).</summary>
    public async Task<(int Delivered, int Failed)> DeliverDueAsync(CancellationToken cancel = default)
    {
        var (delivered, failed) = (0, 0);
        while (!cancel.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            var due = _store.DueDeliveries(now.ToUnixTimeMilliseconds(), _options.Batch);
            var sent = 0;
            foreach (var d in due)
            {
                if (!_store.ClaimDelivery(d, (now + _options.Lease).ToUnixTimeMilliseconds()))
                {
                    continue;
                }

                sent++;
                var problem = await SendAsync(d, cancel).ConfigureAwait(false);
                if (problem is null)
                {
                    _store.DeliverySucceeded(d.Id, _time.GetUtcNow());
                    delivered++;
                    continue;
                }

                failed++;
                var tries = d.Attempts + 1;
                var wait = TimeSpan.FromTicks(Math.Min(_options.MaxRetryAfter.Ticks, _options.RetryAfter.Ticks * (1L << Math.Min(tries - 1, 20))));
                _store.DeliveryFailed(d.Id, problem, tries >= _options.MaxTries ? null : (_time.GetUtcNow() + wait).ToUnixTimeMilliseconds());
            }

            if (sent == 0 || due.Count < _options.Batch)
            {
                break;
            }
        }

        return (delivered, failed);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Posts one delivery; null on a 2xx answer, else the one-line reason.</summary>
    private async Task<string?> SendAsync(AlertDelivery d, CancellationToken cancel)
    {
        var body = Encoding.UTF8.GetBytes(d.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, d.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DeliveryHeader, d.Id);
        if (d.Secret is { Length: > 0 } secret)
        {
            request.Headers.Add(SignatureHeader, Sign(secret, body));
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancel.IsCancellationRequested)
        {
            return ex.Message.ReplaceLineEndings(" ");
        }
    }
}
