using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marsad.Knowledge;
using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Alerts;
using Marsad.Tests.Support;

namespace Marsad.Tests.Monitoring;

/// <summary>
/// Webhooks against a receiver on loopback: deliveries come signed (HMAC-SHA256 of the body under the watchlist's
/// secret), a 503 is retried with backoff until accepted, and the outbox neither loses nor sends again what it recorded,
/// even across a stop between sending and recording (the receiver dedupes on the delivery id).
/// </summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "a-secret-for-the-test";

    [Fact]
    public async Task DeliveriesAreSignedRetriedAndSentOnce()
    {
        using var dir = new TempDir();
        using var receiver = new Receiver(failFirst: 1);
        using var store = StoreFactory.Open(dir.File("alerts.db"));
        store.AddWatchlist(new Watchlist { Id = "w1", Name = "عين الأسد", Keywords = ["عين الأسد"], Webhook = receiver.Url, Secret = Secret, Created = "2026-01-01T00:00:00Z" });
        store.Apply(new KnowledgeChange { Alerts = [Alert("d1")] });

        using (var deliverer = new WebhookDeliverer(store, Fast))
        {
            Assert.Equal((1, 0), await deliverer.DeliverDueAsync());
            Assert.Equal((0, 0), await deliverer.DeliverDueAsync());
        }

        // One 503, then the same signed delivery accepted.
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal([503, 200], receiver.Requests.Select(r => r.Status));
        Assert.Single(receiver.Requests.Select(r => r.Delivery).Distinct());
        foreach (var r in receiver.Requests)
        {
            Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), r.Body)), r.Signature);
        }

        using var json = JsonDocument.Parse(receiver.Requests[^1].Body);
        Assert.Equal(receiver.Requests[^1].Delivery, json.RootElement.GetProperty("delivery").GetString());
        Assert.Equal("عين الأسد", json.RootElement.GetProperty("watchlist").GetProperty("name").GetString());
        Assert.Equal("هاجمت طائرة مسيّرة قاعدة عين الأسد <script>alert(1)</script>.", json.RootElement.GetProperty("quote").GetString());

        // A new source: one more delivery, with a new id; the old one is not sent again.
        store.Apply(new KnowledgeChange { Alerts = [Alert("d1", "d2")] });
        using (var deliverer = new WebhookDeliverer(store, Fast))
        {
            Assert.Equal((1, 0), await deliverer.DeliverDueAsync());
        }

        Assert.Equal(3, receiver.Requests.Count);
        Assert.Equal(2, receiver.Requests.Select(r => r.Delivery).Distinct().Count());
        Assert.Equal((0L, 2L, 0L), store.DeliveryCounts());
    }

    [Fact]
    public async Task ADeliveryClaimedByAStoppedRunIsSentAgainWithTheSameIdAfterItsLease()
    {
        using var dir = new TempDir();
        using var receiver = new Receiver(failFirst: 0);
        using var store = StoreFactory.Open(dir.File("alerts.db"));
        store.AddWatchlist(new Watchlist { Id = "w1", Name = "w", Keywords = ["عين"], Webhook = receiver.Url, Secret = Secret, Created = "2026-01-01T00:00:00Z" });
        store.Apply(new KnowledgeChange { Alerts = [Alert("d1")] });

        // A run claimed it and stopped before sending or recording: nothing is sent until the lease ends, then it is.
        var due = Assert.Single(store.DueDeliveries(long.MaxValue, 10));
        var leaseEnd = DateTimeOffset.UtcNow.AddMinutes(2);
        Assert.True(store.ClaimDelivery(due, leaseEnd.ToUnixTimeMilliseconds()));
        using (var deliverer = new WebhookDeliverer(store, Fast))
        {
            Assert.Equal((0, 0), await deliverer.DeliverDueAsync());
        }

        using (var later = new WebhookDeliverer(store, Fast, time: new FixedTime(leaseEnd.AddSeconds(1))))
        {
            Assert.Equal((1, 0), await later.DeliverDueAsync());
        }

        Assert.Equal(due.Id, Assert.Single(receiver.Requests).Delivery);
    }

    [Fact]
    public async Task AReceiverThatKeepsFailingIsTriedAgainLaterNotLost()
    {
        using var dir = new TempDir();
        using var receiver = new Receiver(failFirst: int.MaxValue);
        using var store = StoreFactory.Open(dir.File("alerts.db"));
        store.AddWatchlist(new Watchlist { Id = "w1", Name = "w", Keywords = ["عين"], Webhook = receiver.Url, Secret = Secret, Created = "2026-01-01T00:00:00Z" });
        store.Apply(new KnowledgeChange { Alerts = [Alert("d1")] });
        using var deliverer = new WebhookDeliverer(store, Fast);
        Assert.Equal((0, 1), await deliverer.DeliverDueAsync());
        Assert.Equal(Fast.Retries + 1, receiver.Requests.Count);
        Assert.Equal((1L, 0L, 0L), store.DeliveryCounts());
        var waiting = Assert.Single(store.DueDeliveries(long.MaxValue, 10));
        Assert.Equal(1, waiting.Attempts);
        Assert.True(waiting.DueAt > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    private static readonly WebhookOptions Fast = new() { Retries = 2, RetryDelay = TimeSpan.FromMilliseconds(20), RequestTimeout = TimeSpan.FromSeconds(5) };

    private static AlertRecord Alert(params string[] docs) => new("w1", "event:v1", "event", "s1", "v1", "الهجوم على قاعدة عين الأسد",
        [.. docs.Select(d => new AlertSource(d, "منفذ", null, null, "2024-01-24", "هاجمت طائرة مسيّرة قاعدة عين الأسد <script>alert(1)</script>."))]);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A webhook receiver on a free loopback port: answers 503 to the first requests, then 200, and records each.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private int _failures;

        public Receiver(int failFirst)
        {
            _failures = failFirst;
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(Serve);
        }

        public string Url { get; }

        public List<(int Status, string? Delivery, string? Signature, byte[] Body)> Requests { get; } = [];

        public void Dispose()
        {
            _listener.Close();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }
        }

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                var status = _failures > 0 ? 503 : 200;
                if (_failures > 0 && _failures != int.MaxValue)
                {
                    _failures--;
                }

                lock (Requests)
                {
                    Requests.Add((status, context.Request.Headers[WebhookDeliverer.DeliveryHeader], context.Request.Headers[WebhookDeliverer.SignatureHeader], body.ToArray()));
                }

                context.Response.StatusCode = status;
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
