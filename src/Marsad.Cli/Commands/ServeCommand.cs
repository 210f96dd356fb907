using System.CommandLine;
using Marsad.Storage;
using Marsad.Storage.Knowledge;
using Marsad.Web;
using Microsoft.AspNetCore.Builder;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad serve [--db PATH|URI] [--index DIR] [--urls URL...]</c>: the JSON API, its OpenAPI description and the Arabic dashboard over a
/// store. It listens on loopback unless told otherwise, and beyond it only with an access token (see
/// <see cref="ServeAccess"/>); a missing SQLite store is served as an empty one; only the store's counts are read before
/// listening (a bad store fails at once), never its documents; search reads the store's index on disk and catches it up
/// with what others wrote (see <see cref="SearchIndexCatchUp"/>).
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var urls = new Option<string[]>("--urls")
        {
            Description = "Where to listen (default: " + ServeOptions.DefaultUrl + ")",
            AllowMultipleArgumentsPerToken = true,
        };
        var token = new Option<string?>("--token")
        {
            Description = "Access token every request must carry (Authorization: Bearer, or open /?token=… once); needed to listen beyond loopback (default: MARSAD_TOKEN)",
        };
        var hosts = new Option<string[]>("--allowed-host")
        {
            Description = "A Host header to answer, e.g. the name a reverse proxy forwards (repeat; default: localhost, 127.0.0.1, [::1])",
        };
        var index = new Option<string?>("--index") { Description = "The search index folder (default: beside the SQLite file, e.g. marsad.db.index)" };
        var command = new Command("serve", "Serve the dashboard and the JSON API (OpenAPI at /openapi/v1.json) over the stored documents") { db, urls, token, hosts, index };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(db) is { Length: > 0 } arg ? arg : SqliteDocumentStore.DefaultPath();
            var postgres = StoreFactory.IsPostgres(given);
            var path = postgres ? given : Path.GetFullPath(given);
            var shown = StoreFactory.Redact(path);
            var listen = parse.GetValue(urls) is { Length: > 0 } u ? u : [ServeOptions.DefaultUrl];
            foreach (var url in listen)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                {
                    throw new UsageException($"--urls: '{url}' is not an http(s) URL");
                }
            }

            var options = new ServeOptions
            {
                DbPath = path,
                IndexPath = parse.GetValue(index) is { Length: > 0 } i ? Path.GetFullPath(i) : null,
                Urls = listen,
                Token = parse.GetValue(token) is { Length: > 0 } t ? t : Environment.GetEnvironmentVariable("MARSAD_TOKEN") is { Length: > 0 } e ? e : null,
                AllowedHosts = parse.GetValue(hosts) ?? [],
            };
            if (ServeAccess.Problem(options) is { } problem)
            {
                throw new UsageException(problem);
            }

            using var app = MarsadWebApp.Build(options);
            KnowledgeStats stats;
            try
            {
                var reader = options.OpenReader(path);
                using (reader as IDisposable)
                {
                    stats = reader.Stats();
                    if (reader is IKnowledgeStore { Migrated: { } migrated })
                    {
                        Console.Error.WriteLine("marsad: " + migrated);
                    }
                }
            }
            catch (InvalidOperationException ex)
            {
                throw new UsageException(ex.Message);
            }

            Console.Error.WriteLine(postgres || File.Exists(path)
                ? $"marsad: serving {stats.Documents} documents, {stats.Stories} stories from {shown}"
                : $"marsad: no store at {shown} yet: serving an empty one (run 'marsad analyze INPUT... --db {shown}')");
            Console.Error.WriteLine("marsad: listening on " + string.Join(", ", listen) + " (Ctrl+C to stop)");
            app.Run();
            return ExitCodes.Success;
        });
        return command;
    }
}
