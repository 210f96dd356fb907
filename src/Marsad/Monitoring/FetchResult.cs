namespace Marsad.Monitoring;

public enum FetchStatus
{
    /// <summary>A 2xx answer with its body.</summary>
    Ok,

    /// <summary>304: the validators sent still hold.</summary>
    NotModified,

    /// <summary>robots.txt disallows the address (or a redirect's target); nothing was requested.</summary>
    Disallowed,

    /// <summary>Anything else: an HTTP error after the retries, a timeout, a redirect loop, a body over the limit…</summary>
    Failed,
}

/// <summary>The validators of a fetched resource, sent back as If-None-Match / If-Modified-Since.</summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public static readonly Validators None = new(null, null);

    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>What one fetch gave: the final address (after redirects), the body, its declared charset and validators.</summary>
public sealed record FetchResult(FetchStatus Status, Uri Url, byte[]? Body, string? Charset, Validators Validators, int? HttpStatus, string? Error)
{
    public static FetchResult Failure(Uri url, string error, int? httpStatus = null) =>
        new(FetchStatus.Failed, url, null, null, Validators.None, httpStatus, error);
}
