using System.CommandLine;
using System.Net;
using Marsad.Storage;
using Marsad.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad serve [--db PATH] [--urls URL...]</c>: the JSON API, its OpenAPI description and the Arabic dashboard over a
/// store. It listens on loopback unless told otherwise (and warns when told to listen beyond it); a missing store is
/// served as an empty one; the store is read before listening, so a bad file fails at once.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "SQLite database file (default: marsad.db in the user's data directory, or MARSAD_DB)" };
        var urls = new Option<string[]>("--urls")
        {
            Description = "Where to listen (default: " + ServeOptions.DefaultUrl + ")",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", "Serve the dashboard and the JSON API (OpenAPI at /openapi/v1.json) over the stored documents") { db, urls };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(db) ?? SqliteDocumentStore.DefaultPath());
            var listen = parse.GetValue(urls) is { Length: > 0 } given ? given : [ServeOptions.DefaultUrl];
            foreach (var url in listen)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                {
                    throw new UsageException($"--urls: '{url}' is not an http(s) URL");
                }

                if (!uri.IsLoopback && !(IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))
                {
                    Console.Error.WriteLine($"marsad: warning: listening on {url}, beyond this machine; the dashboard has no authentication");
                }
            }

            using var app = MarsadWebApp.Build(new ServeOptions { DbPath = path, Urls = listen });
            var stats = app.Services.GetRequiredService<SnapshotProvider>().Current.Stats;
            Console.Error.WriteLine(File.Exists(path)
                ? $"marsad: serving {stats.Documents} documents, {stats.Stories} stories from {path}"
                : $"marsad: no store at {path} yet: serving an empty one (run 'marsad analyze INPUT... --db {path}')");
            Console.Error.WriteLine("marsad: listening on " + string.Join(", ", listen) + " (Ctrl+C to stop)");
            app.Run();
            return ExitCodes.Success;
        });
        return command;
    }
}
