using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Alerts;
using Marsad.Storage.Knowledge;
using Marsad.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marsad.Web;

/// <summary>
/// Watchlists and alerts over HTTP: <c>GET/POST /api/watchlists</c>, <c>DELETE /api/watchlists/{id}</c>,
/// <c>GET /api/alerts</c> (a page <c>{items, next}</c> as the other lists, newest first; filter <c>watchlist</c>) and
/// <c>GET /feeds/watchlists/{id}.atom</c>. Rules: a write takes a JSON body (else 415) and is refused (403) when the
/// browser says it comes from another origin, on top of <see cref="ServeAccess"/> (hosts, token), so a page elsewhere
/// cannot add or remove a watchlist; a store that does not exist yet reads as empty and is not created by a write
/// (409); a bad watchlist answers 400 with its one-line reason.
/// </summary>
public static class AlertEndpoints
{
    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/watchlists", (ServeOptions options) => Use(options, store => new Page<WatchlistView>(
                [.. store.Watchlists().Select(w => View(w, store.AlertCount(w.Id), secret: false))], null), new Page<WatchlistView>([], null)))
            .WithSummary("The watchlists with their criteria, alert counts and feeds (never their webhook secrets)");

        api.MapPost("/watchlists", Results<Created<WatchlistView>, BadRequest<string>, Conflict<string>> (ServeOptions options, [FromBody] WatchlistRequest request) =>
            {
                Watchlist watchlist;
                try
                {
                    watchlist = WatchlistBuilder.Default.Build(request, DateTimeOffset.UtcNow);
                }
                catch (ArgumentException ex)
                {
                    return TypedResults.BadRequest(ex.Message);
                }

                if (!Exists(options))
                {
                    return TypedResults.Conflict("the store does not exist yet: analyze documents into it first");
                }

                using var store = StoreFactory.Open(options.DbPath);
                store.AddWatchlist(watchlist);
                return TypedResults.Created("/api/watchlists/" + watchlist.Id, View(watchlist, 0, secret: true));
            })
            .AddEndpointFilter(SameOrigin)
            .WithSummary("Adds a watchlist (actors, places with radiusKm, types, keywords, discrepancies, stories, webhook); its webhook secret is answered this once");

        api.MapDelete("/watchlists/{id}", Results<NoContent, NotFound> (ServeOptions options, string id) =>
            {
                if (!Exists(options))
                {
                    return TypedResults.NotFound();
                }

                using var store = StoreFactory.Open(options.DbPath);
                return store.RemoveWatchlist(id) ? TypedResults.NoContent() : TypedResults.NotFound();
            })
            .AddEndpointFilter(SameOrigin)
            .WithSummary("Removes a watchlist with its alerts and pending webhook deliveries");

        api.MapGet("/alerts", Results<Ok<Page<AlertView>>, BadRequest<string>> (ServeOptions options, IKnowledgeReader reader, string? watchlist, int? limit, string? cursor) =>
            {
                try
                {
                    return TypedResults.Ok(Use(options, store =>
                    {
                        var page = store.Alerts(watchlist, cursor, Math.Clamp(limit ?? KnowledgeQuery.DefaultLimit, 1, KnowledgeQuery.MaxLimit));
                        var names = store.Watchlists().ToDictionary(w => w.Id, w => w.Name, StringComparer.Ordinal);
                        return new Page<AlertView>([.. page.Items.Select(a => View(a, names.GetValueOrDefault(a.Watchlist) ?? a.Watchlist, reader))], page.Next);
                    }, new Page<AlertView>([], null)));
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException)
                {
                    return TypedResults.BadRequest(ex.Message);
                }
            })
            .WithSummary("The alerts, most recently raised or updated first, each with its story, matching sentence and sources (filter: watchlist)");

        app.MapGet("/feeds/watchlists/{id}.atom", Results<FileContentHttpResult, NotFound> (HttpContext http, ServeOptions options, string id) =>
            {
                var feed = Use<byte[]?>(options, store => store.Watchlist(id) is { } w
                    ? AlertFeed.Write(w, store.Alerts(id, null, 100).Items, http.Request.Scheme + "://" + http.Request.Host.Value)
                    : null, null);
                return feed is null ? TypedResults.NotFound() : TypedResults.File(feed, AlertFeed.ContentType);
            })
            .WithSummary("A watchlist's alerts as an Atom feed (the latest 100), for feed readers");
    }

    private static WatchlistView View(Watchlist w, long alerts, bool secret) => new(
        w.Id, w.Name, w.Actors, w.Places, w.EventTypes, w.Keywords, w.Discrepancies, w.Stories, w.Webhook, secret ? w.Secret : null, w.Created, alerts,
        "/feeds/watchlists/" + Uri.EscapeDataString(w.Id) + ".atom");

    private static AlertView View(StoredAlert a, string watchlist, IKnowledgeReader reader) => new(
        a.Id, new EntityRef(a.Watchlist, watchlist), a.Kind, a.Subject, a.Event,
        a.Story is { } s ? new EntityRef(reader.Story(s)?.Id ?? s, reader.Story(s)?.Title ?? "") : null,
        a.Title, a.Quote, a.Sources, a.Created, a.Updated);

    private static bool Exists(ServeOptions options) => StoreFactory.IsPostgres(options.DbPath) || File.Exists(options.DbPath);

    /// <summary>Runs a read on the served store, or answers <paramref name="empty"/> when it does not exist yet.</summary>
    private static T Use<T>(ServeOptions options, Func<IKnowledgeStore, T> read, T empty)
    {
        if (!Exists(options))
        {
            return empty;
        }

        using var store = StoreFactory.Open(options.DbPath);
        return read(store);
    }

    /// <summary>A write from a page of another origin (the browser's Origin header names another host) is refused.</summary>
    private static async ValueTask<object?> SameOrigin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.Headers.Origin is { Count: > 0 } origin
            && !(Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var uri)
                 && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context).ConfigureAwait(false);
    }
}
