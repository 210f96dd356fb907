using System.CommandLine;
using System.Globalization;
using Marsad.Monitoring;
using Marsad.Storage;
using Marsad.Storage.Alerts;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad watchlist add|list|remove</c>: the watchlists of a store. <c>add [NAME] [--actor A]… [--place P]…
/// [--radius KM] [--type T]… [--keyword K]… [--discrepancies] [--story ID]… [--webhook URL] [--secret S]</c> resolves
/// names as the linker does (<see cref="WatchlistBuilder"/>) and prints the new id (and the webhook's secret, once);
/// <c>list [--json]</c> shows each with its criteria and alert count; <c>remove ID</c> removes it with its alerts.
/// </summary>
public static class WatchlistCommand
{
    public static Command Create()
    {
        var command = new Command("watchlist", "Keep watchlists: saved queries whose matches in new articles raise alerts");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Command Add()
    {
        var db = DbOption.Create();
        var name = new Argument<string?>("NAME") { Description = "A name to show (default: made from the criteria)", Arity = ArgumentArity.ZeroOrOne };
        var actors = new Option<string[]>("--actor") { Description = "An actor, by any alias or id (كتائب حزب الله, islamic-resistance-iraq); several: any of them" };
        var places = new Option<string[]>("--place") { Description = "A place of the gazetteer, by name or id (قاعدة عين الأسد, الأنبار); several: any of them" };
        var radius = new Option<double?>("--radius") { Description = "Kilometres around each place (default: the place's area: country, governorate, district; 15 km around a city or site)" };
        var types = new Option<string[]>("--type") { Description = "An event type of the contract (attack, airstrike, threat, …); several: any of them" };
        var keywords = new Option<string[]>("--keyword") { Description = "Words to find as search finds them (clitics and spelling variants match); several: any of them" };
        var discrepancies = new Option<bool>("--discrepancies") { Description = "Alert on new disagreements between sources (in --story stories, or any story meeting the other criteria)" };
        var stories = new Option<string[]>("--story") { Description = "With --discrepancies: a story to follow, by id" };
        var webhook = new Option<string?>("--webhook") { Description = "POST each alert as JSON to this URL, signed (X-Marsad-Signature: sha256=HMAC)" };
        var secret = new Option<string?>("--secret") { Description = "The webhook's signing secret (default: a random one, printed once)" };
        var command = new Command("add", "Add a watchlist; criteria of different kinds must all hold, values of one kind are alternatives")
        {
            name, db, actors, places, radius, types, keywords, discrepancies, stories, webhook, secret,
        };
        command.SetAction(parse =>
        {
            var request = new WatchlistRequest
            {
                Name = parse.GetValue(name),
                Actors = parse.GetValue(actors) ?? [],
                Places = parse.GetValue(places) ?? [],
                RadiusKm = parse.GetValue(radius),
                Types = parse.GetValue(types) ?? [],
                Keywords = parse.GetValue(keywords) ?? [],
                Discrepancies = parse.GetValue(discrepancies),
                Stories = parse.GetValue(stories) ?? [],
                Webhook = parse.GetValue(webhook),
                Secret = parse.GetValue(secret),
            };
            Watchlist watchlist;
            try
            {
                watchlist = WatchlistBuilder.Default.Build(request, DateTimeOffset.UtcNow);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }

            using var store = StoreFactory.Open(parse.GetValue(db));
            store.AddWatchlist(watchlist);
            Console.WriteLine($"{watchlist.Id}\t{watchlist.Name}");
            Console.WriteLine("\t" + Describe(watchlist));
            if (watchlist.Webhook is not null && request.Secret is null)
            {
                Console.WriteLine($"\twebhook secret (shown once): {watchlist.Secret}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var db = DbOption.Create();
        var json = new Option<bool>("--json") { Description = "Write the watchlists as JSON lines (criteria, no secret)" };
        var command = new Command("list", "List the watchlists: id, name, criteria, alerts raised") { db, json };
        command.SetAction(parse =>
        {
            using var store = StoreFactory.Open(parse.GetValue(db));
            foreach (var w in store.Watchlists())
            {
                if (parse.GetValue(json))
                {
                    Console.WriteLine(WatchlistJson.Write(w));
                    continue;
                }

                var alerts = store.AlertCount(w.Id);
                Console.WriteLine($"{w.Id}\t{w.Name}\t{alerts.ToString(CultureInfo.InvariantCulture)} alert(s)");
                Console.WriteLine("\t" + Describe(w));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var db = DbOption.Create();
        var id = new Argument<string>("ID") { Description = "The watchlist's id (see 'marsad watchlist list')" };
        var command = new Command("remove", "Remove a watchlist with its alerts and pending webhook deliveries") { id, db };
        command.SetAction(parse =>
        {
            using var store = StoreFactory.Open(parse.GetValue(db));
            var which = parse.GetValue(id)!;
            if (!store.RemoveWatchlist(which))
            {
                throw new UsageException($"no watchlist '{which}' in {store.Description}");
            }

            Console.WriteLine($"removed {which}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A watchlist's criteria on one line.</summary>
    internal static string Describe(Watchlist w)
    {
        var parts = new List<string>();
        if (w.Actors.Count > 0)
        {
            parts.Add("actors: " + string.Join(" | ", w.Actors.Select(a => $"{a.Name} ({a.Id})")));
        }

        if (w.Places.Count > 0)
        {
            parts.Add("places: " + string.Join(" | ", w.Places.Select(p => p.RadiusKm is { } r
                ? $"{p.Name} ({p.Id}, {r.ToString(CultureInfo.InvariantCulture)} km)" : $"{p.Name} ({p.Id}, its area)")));
        }

        if (w.EventTypes.Count > 0)
        {
            parts.Add("types: " + string.Join(" | ", w.EventTypes));
        }

        if (w.Keywords.Count > 0)
        {
            parts.Add("keywords: " + string.Join(" | ", w.Keywords));
        }

        if (w.Discrepancies)
        {
            parts.Add(w.Stories.Count > 0 ? "new discrepancies in: " + string.Join(" | ", w.Stories) : "new discrepancies");
        }

        if (w.Webhook is not null)
        {
            parts.Add("webhook: " + w.Webhook);
        }

        return string.Join("; ", parts);
    }
}
