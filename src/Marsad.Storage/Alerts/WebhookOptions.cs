namespace Marsad.Storage.Alerts;

/// <summary>
/// How <see cref="WebhookDeliverer"/> sends: retries of one try (exponential backoff with jitter, on 5xx, 408, 429,
/// timeouts and connection failures), the time one request may take, how long a claimed delivery is held, and the
/// outbox's own backoff between tries that failed (doubling from <see cref="RetryAfter"/> up to <see cref="MaxRetryAfter"/>,
/// given up after <see cref="MaxTries"/>).
/// </summary>
public sealed record WebhookOptions
{
    public int Retries { get; init; } = 3;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(1);

    public int MaxTries { get; init; } = 12;

    /// <summary>Deliveries read from the outbox at once.</summary>
    public int Batch { get; init; } = 50;

    public static WebhookOptions Default { get; } = new();
}
