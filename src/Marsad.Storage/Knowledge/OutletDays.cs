using System.Data.Common;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// The number of documents of each outlet on each day (the <c>outlet_days</c> table), moved by the saves that insert,
/// replace or re-date a document, in their own transaction: the whole store's outlet trend then reads one row per outlet
/// and day, whatever the number of documents (walking them took seconds on a store of a million). A saver gathers its
/// differences here and writes them once, before it commits; a count that falls to zero stays as a row of 0.
/// </summary>
internal sealed class OutletDays
{
    private readonly Dictionary<(string Outlet, string Day), long> _changes = [];

    /// <summary>One document of <paramref name="outlet"/> published on <paramref name="published"/> more (+1) or less (-1);
    /// a document without an outlet or a date is on no chart.</summary>
    public void Add(string? outlet, string? published, long difference)
    {
        if (string.IsNullOrEmpty(outlet) || string.IsNullOrEmpty(published))
        {
            return;
        }

        var key = (outlet, published.Length > 10 ? published[..10] : published);
        _changes[key] = _changes.GetValueOrDefault(key) + difference;
    }

    /// <summary>Writes the differences gathered inside the caller's transaction (one upsert per outlet and day that moved).</summary>
    public void Write(DbConnection connection, DbTransaction tx)
    {
        foreach (var ((outlet, day), difference) in _changes)
        {
            if (difference == 0)
            {
                continue;
            }

            using var cmd = Sql.Command(connection, tx, """
                    INSERT INTO outlet_days (outlet, day, documents) VALUES (@outlet, @day, @difference)
                    ON CONFLICT (outlet, day) DO UPDATE SET documents = outlet_days.documents + excluded.documents
                    """)
                .With("@outlet", outlet).With("@day", day).With("@difference", difference);
            cmd.ExecuteNonQuery();
        }

        _changes.Clear();
    }
}
