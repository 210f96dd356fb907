using System.CommandLine;

namespace Marsad.Cli.Commands;

/// <summary>
/// The <c>--db</c> option of every command that reads or writes the store: one description, one meaning (a SQLite file,
/// or PostgreSQL by URI or connection string, as <see cref="Marsad.Storage.StoreFactory"/> reads it).
/// </summary>
internal static class DbOption
{
    public static Option<string?> Create() => new("--db")
    {
        Description = "The store: a SQLite file or a postgres:// URI (default: MARSAD_DB, else marsad.db in the user's data directory)",
    };
}
