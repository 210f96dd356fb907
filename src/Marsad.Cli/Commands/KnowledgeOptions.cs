using System.CommandLine;
using Marsad.Storage;
using Marsad.Storage.Knowledge;

namespace Marsad.Cli.Commands;

/// <summary>
/// The filters every command that reads the knowledge base takes (<c>--from --to --outlet --country --actor --type
/// --limit</c>), with one meaning each (see <see cref="KnowledgeQuery"/>), and the store's reader they read through.
/// </summary>
internal sealed class KnowledgeOptions
{
    private readonly Option<string?> _from = new("--from") { Description = "On or after this date (YYYY-MM-DD, YYYY-MM or YYYY)" };
    private readonly Option<string?> _to = new("--to") { Description = "On or before this date (YYYY-MM-DD, YYYY-MM or YYYY)" };
    private readonly Option<string?> _outlet = new("--outlet") { Description = "Only what this outlet reports" };
    private readonly Option<string?> _country = new("--country") { Description = "Only events in this country (ISO2, e.g. IQ)" };
    private readonly Option<string?> _actor = new("--actor") { Description = "Only events with this entity (an id from the entity catalogue) as actor or target" };
    private readonly Option<string?> _type = new("--type") { Description = "Only events of this type: " + string.Join(", ", SearchCommand.EventTypes) };
    private readonly Option<int?> _limit = new("--limit", "-n") { Description = "At most this many (default: all)" };

    public IEnumerable<Option> All => [_from, _to, _outlet, _country, _actor, _type, _limit];

    /// <summary>The query the options give (a page as large as the reader allows: commands stream every page).</summary>
    public KnowledgeQuery Query(ParseResult parse, string? story = null)
    {
        if (parse.GetValue(_type) is { } type && !SearchCommand.EventTypes.Contains(type.Trim().ToLowerInvariant()))
        {
            throw new UsageException($"unknown event type '{type}' (types: {string.Join(", ", SearchCommand.EventTypes)})");
        }

        var from = SearchCommand.ParseDate(parse.GetValue(_from), "--from", first: true);
        var to = SearchCommand.ParseDate(parse.GetValue(_to), "--to", first: false);
        if (from is { } f && to is { } t && f > t)
        {
            throw new UsageException($"--from {f:yyyy-MM-dd} is after --to {t:yyyy-MM-dd}");
        }

        return new KnowledgeQuery
        {
            Story = story,
            From = from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            To = to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Outlet = Blank(parse.GetValue(_outlet)),
            Country = Blank(parse.GetValue(_country))?.ToUpperInvariant(),
            Actor = Blank(parse.GetValue(_actor)),
            Type = Blank(parse.GetValue(_type))?.ToLowerInvariant(),
            Limit = KnowledgeQuery.MaxLimit,
        };
    }

    /// <summary>How many items to write at most (null: all); a limit below 1 is refused.</summary>
    public int? Limit(ParseResult parse) => parse.GetValue(_limit) switch
    {
        null => null,
        < 1 => throw new UsageException("--limit must be ≥ 1"),
        var n => n,
    };

    /// <summary>
    /// The knowledge reader of the store <paramref name="dbArg"/> names (dispose it when done); a SQLite store that does
    /// not exist, or one with no knowledge base, is a one-line error.
    /// </summary>
    public static IKnowledgeReader Open(string? dbArg)
    {
        var db = string.IsNullOrWhiteSpace(dbArg) ? SqliteDocumentStore.DefaultPath() : dbArg;
        if (!StoreFactory.IsPostgres(db) && !File.Exists(db))
        {
            throw new UsageException($"no store at {db}: run 'marsad analyze INPUT... --db {db}' first");
        }

        try
        {
            return KnowledgeReaders.Open(db);
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
}
