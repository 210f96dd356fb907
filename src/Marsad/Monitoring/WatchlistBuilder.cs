using System.Globalization;
using System.Security.Cryptography;
using Marsad.Extract.Actors;
using Marsad.Extract.Places;

namespace Marsad.Monitoring;

/// <summary>
/// Turns a <see cref="WatchlistRequest"/> into a <see cref="Watchlist"/>, resolving names as the linker does. Rules:
/// <list type="bullet">
/// <item>an actor is an id of the actor catalogue or the gazetteer, or a name looked up by its <see cref="NameKey"/>
/// among the catalogue's aliases (descriptive and anaphoric ones left out), then its English names, then the
/// gazetteer's names (a state acts too: إيران); a name that several actors share is refused with their ids;</item>
/// <item>a place is a gazetteer id or name (the primary name first, then the most populous); a radius must be
/// positive and at most 2000 km;</item>
/// <item>event types must be the contract's; keywords need a word; a webhook must be an absolute http(s) URL;</item>
/// <item>a watchlist asks for something: at least one criterion, or new discrepancies.</item>
/// </list>
/// A problem is an <see cref="ArgumentException"/> with one line that names it.
/// </summary>
public sealed class WatchlistBuilder(ActorCatalog actors, Gazetteer gazetteer, WatchlistMatcher matcher)
{
    public const double MaxRadiusKm = 2000;

    public static WatchlistBuilder Default { get; } = new(ActorCatalog.Default, Gazetteer.Default, WatchlistMatcher.Default);

    public Watchlist Build(WatchlistRequest request, DateTimeOffset now)
    {
        var types = request.Types.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = matcher.EventTypes.ToHashSet(StringComparer.Ordinal);
        if (types.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
        {
            throw new ArgumentException($"unknown event type '{unknown}' (known: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
        }

        if (request.RadiusKm is { } r && (double.IsNaN(r) || r <= 0 || r > MaxRadiusKm))
        {
            throw new ArgumentException($"the radius must be more than 0 and at most {MaxRadiusKm.ToString(CultureInfo.InvariantCulture)} km");
        }

        if (request.RadiusKm is not null && request.Places.Count == 0)
        {
            throw new ArgumentException("a radius needs a place to be around");
        }

        var keywords = request.Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (keywords.FirstOrDefault(k => KeywordTerms.Default.Terms(k).Count == 0) is { } empty)
        {
            throw new ArgumentException($"the keyword '{empty}' has no word to look for");
        }

        var webhook = request.Webhook?.Trim() is { Length: > 0 } url ? url : null;
        if (webhook is not null && !(Uri.TryCreate(webhook, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"the webhook '{webhook}' is not an absolute http or https URL");
        }

        var watchlist = new Watchlist
        {
            Id = NewId(),
            Name = request.Name?.Trim() is { Length: > 0 } name ? name : "",
            Actors = [.. request.Actors.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => Actor(a.Trim())).DistinctBy(a => a.Id)],
            Places = [.. request.Places.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Place(p.Trim(), request.RadiusKm)).DistinctBy(p => p.Id)],
            EventTypes = types,
            Keywords = keywords,
            Discrepancies = request.Discrepancies,
            Stories = [.. request.Stories.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)],
            Webhook = webhook,
            Secret = webhook is null ? null : request.Secret is { Length: > 0 } secret ? secret : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            Created = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        if (watchlist.Stories.Count > 0 && !watchlist.Discrepancies)
        {
            throw new ArgumentException("followed stories are for discrepancies: add --discrepancies (or discrepancies: true)");
        }

        if (!watchlist.WantsEvents && watchlist.Keywords.Count == 0 && !watchlist.Discrepancies)
        {
            throw new ArgumentException("a watchlist needs at least one actor, place, event type or keyword, or discrepancies");
        }

        return watchlist with { Name = watchlist.Name.Length > 0 ? watchlist.Name : DefaultName(watchlist) };
    }

    public WatchedActor Actor(string text)
    {
        if (actors.Get(text) is { } byId)
        {
            return new WatchedActor(byId.Id, byId.Name);
        }

        if (gazetteer.Get(text) is { } placeById)
        {
            return new WatchedActor(placeById.Id, placeById.Name);
        }

        var key = NameKey.Of(text);
        var named = actors.Aliases(key).ToArray().Where(a => !a.Anaphoric && !a.Descriptive).Select(a => a.Actor).DistinctBy(a => a.Id).ToList();
        if (named.Count == 0)
        {
            named = [.. actors.Actors.Where(a => string.Equals(a.NameEn, text, StringComparison.OrdinalIgnoreCase))];
        }

        if (named.Count > 1)
        {
            throw new ArgumentException($"the actor '{text}' names several actors ({string.Join(", ", named.Select(a => a.Id))}): give one of these ids");
        }

        if (named.Count == 1)
        {
            return new WatchedActor(named[0].Id, named[0].Name);
        }

        return FindPlace(key) is { } place ? new WatchedActor(place.Id, place.Name)
            : throw new ArgumentException($"unknown actor '{text}': no actor or place of the catalogue has this name (a keyword matches any words)");
    }

    public WatchedPlace Place(string text, double? radiusKm)
    {
        var place = gazetteer.Get(text) ?? FindPlace(NameKey.Of(text))
            ?? throw new ArgumentException($"unknown place '{text}': not in the gazetteer");
        return new WatchedPlace(place.Id, place.Name, place.Lat, place.Lon, radiusKm);
    }

    private Place? FindPlace(string key)
    {
        var names = gazetteer.Lookup(key).ToArray();
        return names.OrderByDescending(n => n.Primary).ThenByDescending(n => n.Place.IsCountry).ThenByDescending(n => n.Place.Population)
            .ThenBy(n => n.Place.Id, StringComparer.Ordinal).Select(n => n.Place).FirstOrDefault();
    }

    private static string DefaultName(Watchlist w) => string.Join(" · ", w.Actors.Select(a => a.Name)
        .Concat(w.Places.Select(p => p.RadiusKm is { } r ? $"{p.Name} ({r.ToString(CultureInfo.InvariantCulture)} km)" : p.Name))
        .Concat(w.EventTypes).Concat(w.Keywords.Select(k => "«" + k + "»"))
        .Concat(w.Discrepancies ? ["discrepancies"] : []));

    private static string NewId() => "w" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
