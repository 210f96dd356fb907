using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marsad.Tests.Monitoring;

/// <summary>
/// A web site on loopback (Kestrel, port chosen by the system) for the watcher tests: each path answers what the test
/// sets, and every request is logged with its path, answer and the validators it carried.
/// </summary>
public sealed class LocalSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private LocalSite(WebApplication app) => _app = app;

    public sealed record Hit(string Path, int Status, bool Conditional);

    public ConcurrentQueue<Hit> Log { get; } = new();

    public Uri Root { get; private set; } = null!;

    public static async Task<LocalSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new LocalSite(app);
        app.Run(site.Handle);
        await app.StartAsync();
        site.Root = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return site;
    }

    public Uri Url(string path) => new(Root, path.TrimStart('/'));

    /// <summary>Sets what a path answers (the path with its query, as requested).</summary>
    public void Route(string path, Func<HttpContext, Task> answer) => _routes[path] = answer;

    public void Text(string path, string contentType, Func<string> body) => Route(path, async ctx =>
    {
        ctx.Response.ContentType = contentType;
        await ctx.Response.WriteAsync(body(), ctx.RequestAborted);
    });

    /// <summary>A document served with an ETag and Last-Modified that change with its content, answering 304 to a match.</summary>
    public void Validated(string path, string contentType, Func<string> body) => Route(path, async ctx =>
    {
        var text = body();
        var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16] + "\"";
        if (ctx.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            ctx.Response.StatusCode = 304;
            return;
        }

        ctx.Response.Headers.ETag = etag;
        ctx.Response.Headers.LastModified = "Wed, 06 Dec 2026 10:00:00 GMT";
        ctx.Response.ContentType = contentType;
        await ctx.Response.WriteAsync(text, ctx.RequestAborted);
    });

    public int Count(string path) => Log.Count(h => h.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Handle(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value + ctx.Request.QueryString.Value;
        var conditional = ctx.Request.Headers.IfNoneMatch.Count > 0 || ctx.Request.Headers.IfModifiedSince.Count > 0;
        try
        {
            if (_routes.TryGetValue(path, out var answer) || _routes.TryGetValue(ctx.Request.Path.Value ?? "", out answer))
            {
                await answer(ctx);
            }
            else
            {
                ctx.Response.StatusCode = 404;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away (a timeout, a body it stopped reading).
        }
        finally
        {
            Log.Enqueue(new Hit(path, ctx.Response.StatusCode, conditional));
        }
    }
}
