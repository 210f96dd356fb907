using System.Data;
using System.Data.Common;
using Marsad.Knowledge;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// Applies one <see cref="KnowledgeChange"/> inside the caller's transaction, by the rules of its doc comment. Every
/// statement touches rows by key (a story's, an event's, a document's), so the cost follows the size of the change; rows
/// of one kind are written together (<see cref="RowBatch"/>), so the change costs a few round trips, not one per row.
/// The totals (<see cref="StoreCounts"/>) move by what each statement inserted or removed: a row an upsert finds is
/// counted before it is written, a delete counts what it removed.
/// </summary>
internal sealed class KnowledgeWriter(DbConnection connection, DbTransaction tx)
{
    private static readonly DbType[] EventTypes =
    [
        DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String,
        DbType.Double, DbType.Double, DbType.Int32, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String,
    ];

    private static readonly DbType[] Texts2 = [DbType.String, DbType.String];

    private static readonly DbType[] Texts3 = [DbType.String, DbType.String, DbType.String];

    private readonly StoreCounts _counts = new();

    public void Apply(KnowledgeChange change)
    {
        // The counter row also serializes writers on PostgreSQL: two workers apply one after the other.
        Execute("UPDATE knowledge_state SET applied = applied + 1 WHERE id = 1");
        var sequence = Sql.Long(connection, tx, "SELECT applied FROM knowledge_state WHERE id = 1");
        foreach (var (old, survivor) in change.Redirects)
        {
            Redirect(old, survivor);
        }

        New(StoreCounts.Stories, "stories", change.Stories.Select(s => s.Id));
        foreach (var story in change.Stories)
        {
            UpsertStory(story, sequence);
        }

        ClearStories(change.Stories.Select(s => s.Id));
        ReplaceEvents(Last(change.Events, e => e.Id));
        var discrepancies = Last(change.Discrepancies, x => x.Id);
        New(StoreCounts.Discrepancies, "discrepancies", discrepancies.Select(x => x.Id));
        Upsert("INSERT INTO discrepancies (id, story_id, kind, json)", [DbType.String, DbType.String, DbType.String, DbType.String],
            discrepancies.Select(x => new object?[] { x.Id, x.Story, x.Kind, x.Json }),
            "ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, kind = excluded.kind, json = excluded.json");
        Upsert("INSERT INTO framing (story_id, json)", Texts2, Last(change.Framing, x => x.Story).Select(x => new object?[] { x.Story, x.Json }),
            "ON CONFLICT (story_id) DO UPDATE SET json = excluded.json");
        foreach (var group in change.DocumentStories.GroupBy(x => x.Value, x => x.Key, StringComparer.Ordinal))
        {
            Connect("story_id = @story", group, ("@story", group.Key));
        }

        Connect("story_id = NULL", change.Unstoried);
        var pairs = Last(change.Duplicates.Select(x => string.CompareOrdinal(x.A, x.B) <= 0 ? x : new DuplicateRecord(x.B, x.A, x.Similarity)), x => x.A + "\u0000" + x.B);
        _counts.Add(StoreCounts.Duplicates, pairs.Count - KeptPairs(pairs));
        Upsert("INSERT INTO duplicates (a, b, similarity)", [DbType.String, DbType.String, DbType.Double],
            pairs.Select(x => new object?[] { x.A, x.B, x.Similarity }),
            "ON CONFLICT (a, b) DO UPDATE SET similarity = excluded.similarity");
        var entities = Last(change.Entities, x => x.Id);
        New(StoreCounts.Entities, "entities", entities.Select(x => x.Id));
        Upsert("INSERT INTO entities (id, type, name, country, json)", [DbType.String, DbType.String, DbType.String, DbType.String, DbType.String],
            entities.Select(x => new object?[] { x.Id, x.Type, x.Name, x.Country, x.Json }),
            "ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, country = excluded.country, json = excluded.json");
        new MentionCounts(connection, tx).Replace(change.EntityMentions);
        ReplaceDigests(Last(change.Digests, d => d.Document));
        new Alerts.AlertWriter(connection, tx).Apply(change.Alerts, sequence);
        _counts.Write(connection, tx);
    }

    /// <summary>Counts the rows of <paramref name="ids"/> that <paramref name="table"/> lacks: those an upsert is about to insert.</summary>
    private void New(string counter, string table, IEnumerable<string> ids)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        _counts.Add(counter, distinct.Count - RowBatch.CountIds(connection, tx, $"SELECT COUNT(*) FROM {table} WHERE id IN ({{ids}})", distinct));
    }

    /// <summary>How many of the duplicate pairs are stored already (the key is the pair).</summary>
    private long KeptPairs(IReadOnlyList<DuplicateRecord> pairs)
    {
        long kept = 0;
        foreach (var chunk in pairs.Chunk(Sql.Chunk / 2))
        {
            using var cmd = Command("");
            var values = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                cmd.With("@a" + n, chunk[i].A).With("@b" + n, chunk[i].B);
                values[i] = $"(@a{n}, @b{n})";
            }

            // A join on the pair's key: a row-value IN over VALUES would walk the whole index on SQLite.
            cmd.CommandText = $"SELECT COUNT(*) FROM (VALUES {string.Join(", ", values)}) v JOIN duplicates p ON p.a = v.column1 AND p.b = v.column2";
            kept += Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return kept;
    }

    /// <summary>Connects documents (setting their story by <paramref name="story"/>); those not connected before leave the count of unconnected.</summary>
    private void Connect(string story, IEnumerable<string> ids, (string Name, string Value)? extra = null)
    {
        var list = ids.Distinct(StringComparer.Ordinal).ToList();
        // Summed rather than filtered on "connected = 0", which would steer SQLite to that index (every unconnected row).
        _counts.Add(StoreCounts.Unconnected, -RowBatch.CountIds(connection, tx, "SELECT COALESCE(SUM(1 - connected), 0) FROM documents WHERE id IN ({ids})", list));
        ForIds($"UPDATE documents SET {story}, connected = 1 WHERE id IN ({{ids}})", list, extra);
    }

    /// <summary>Moves what the old story held to the survivor, repoints older redirects, and removes the old story.</summary>
    private void Redirect(string old, string survivor)
    {
        using (var find = Command("SELECT new_id FROM story_redirects WHERE old_id = @id").With("@id", survivor))
        {
            // A survivor that was itself merged away stands for its own survivor: no chain forms.
            survivor = find.ExecuteScalar() as string ?? survivor;
        }

        if (old == survivor)
        {
            return;
        }

        foreach (var sql in new[]
                 {
                     "UPDATE documents SET story_id = @new WHERE story_id = @old",
                     "UPDATE events SET story_id = @new WHERE story_id = @old",
                     "UPDATE discrepancies SET story_id = @new WHERE story_id = @old",
                     "DELETE FROM framing WHERE story_id = @old",
                     "UPDATE story_redirects SET new_id = @new WHERE new_id = @old",
                     "INSERT INTO story_redirects (old_id, new_id) VALUES (@old, @new) ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id",
                 })
        {
            using var cmd = Command(sql).With("@old", old).With("@new", survivor);
            cmd.ExecuteNonQuery();
        }

        using var remove = Command("DELETE FROM stories WHERE id = @old").With("@old", old);
        _counts.Add(StoreCounts.Stories, -remove.ExecuteNonQuery());
    }

    private void UpsertStory(StoryRecord s, long sequence)
    {
        using (var revived = Command("DELETE FROM story_redirects WHERE old_id = @id").With("@id", s.Id))
        {
            revived.ExecuteNonQuery();
        }

        using var cmd = Command("""
            INSERT INTO stories (id, title, first_date, last_date, documents, outlets, events, discrepancies, state, json, updated_at)
            VALUES (@id, @title, @first, @last, @documents, @outlets, @events, @discrepancies, @state, @json, @updated)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_date = excluded.first_date, last_date = excluded.last_date,
              documents = excluded.documents, outlets = excluded.outlets, events = excluded.events,
              discrepancies = excluded.discrepancies, state = excluded.state, json = excluded.json, updated_at = excluded.updated_at
            """)
            .With("@id", s.Id).With("@title", s.Title)
            .With("@first", KnowledgeRecords.DateColumn(s.First)).With("@last", KnowledgeRecords.DateColumn(s.Last))
            .With("@documents", s.Documents).With("@outlets", s.Outlets).With("@events", s.Events)
            .With("@discrepancies", s.Discrepancies).With("@state", s.State).With("@json", s.Json).With("@updated", sequence);
        cmd.ExecuteNonQuery();
        if (KnowledgeRecords.SpanDays(s.First, s.Last) is { } span)
        {
            using var longest = Command("UPDATE knowledge_state SET max_span = @span WHERE id = 1 AND max_span < @span").With("@span", span);
            longest.ExecuteNonQuery();
        }
    }

    /// <summary>A touched story's events, discrepancies and framing are replaced whole by the change's.</summary>
    private void ClearStories(IEnumerable<string> stories)
    {
        var ids = stories.ToList();
        DeleteEvents("SELECT id FROM events WHERE story_id IN ({ids})", ids);
        _counts.Add(StoreCounts.Events, -ForIds("DELETE FROM events WHERE story_id IN ({ids})", ids));
        _counts.Add(StoreCounts.Discrepancies, -ForIds("DELETE FROM discrepancies WHERE story_id IN ({ids})", ids));
        ForIds("DELETE FROM framing WHERE story_id IN ({ids})", ids);
    }

    private void DeleteEvents(string selected, IReadOnlyList<string> ids)
    {
        foreach (var child in new[] { "event_actors", "event_outlets", "event_documents" })
        {
            ForIds($"DELETE FROM {child} WHERE event_id IN ({selected})", ids);
        }
    }

    /// <summary>Each event replaces the event of its id wherever it was, with the rows its filters read.</summary>
    private void ReplaceEvents(IReadOnlyList<EventRecord> events)
    {
        var ids = events.Select(e => e.Id).ToList();
        DeleteEvents("{ids}", ids);
        _counts.Add(StoreCounts.Events, events.Count - ForIds("DELETE FROM events WHERE id IN ({ids})", ids));
        RowBatch.Insert(connection, tx,
            "INSERT INTO events (id, story_id, type, date, day, country, place, lat, lon, killed, actors, documents, outlets, json, row_json)",
            EventTypes, events.Select(e => new object?[]
            {
                e.Id, e.Story, e.Type, e.Date, KnowledgeRecords.DateColumn(e.Day), e.Country, e.Place, e.Lat, e.Lon, e.Killed,
                KnowledgeRecords.ListJson(e.Actors), KnowledgeRecords.ListJson(e.Documents), KnowledgeRecords.ListJson(e.Outlets), e.Json, e.RowJson,
            }));
        RowBatch.Insert(connection, tx, "INSERT INTO event_actors (entity_id, day, event_id)", Texts3,
            events.SelectMany(e => e.Actors.Distinct(StringComparer.Ordinal).Select(a => new object?[] { a, KnowledgeRecords.DateColumn(e.Day), e.Id })));
        RowBatch.Insert(connection, tx, "INSERT INTO event_outlets (outlet, day, event_id)", Texts3,
            events.SelectMany(e => e.Outlets.Distinct(StringComparer.Ordinal).Select(o => new object?[] { o, KnowledgeRecords.DateColumn(e.Day), e.Id })));
        RowBatch.Insert(connection, tx, "INSERT INTO event_documents (doc_id, event_id)", Texts2,
            events.SelectMany(e => e.Documents.Distinct(StringComparer.Ordinal).Select(d => new object?[] { d, e.Id })));
    }

    private void ReplaceDigests(IReadOnlyList<DocumentDigest> digests)
    {
        Upsert("INSERT INTO digests (doc_id, signature)", [DbType.String, DbType.Binary],
            digests.Select(d => new object?[] { d.Document, KnowledgeRecords.Signature(d.Signature) }),
            "ON CONFLICT (doc_id) DO UPDATE SET signature = excluded.signature");
        ForIds("DELETE FROM digest_bands WHERE doc_id IN ({ids})", digests.Select(d => d.Document));
        RowBatch.Insert(connection, tx, "INSERT INTO digest_bands (band, doc_id)", [DbType.Int64, DbType.String],
            digests.SelectMany(d => d.Bands.Distinct().Select(b => new object?[] { b, d.Document })));
    }

    // The last record given for each key: one upsert statement may touch a row only once.
    private static List<T> Last<T>(IEnumerable<T> records, Func<T, string> key)
    {
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            byKey[key(r)] = r;
        }

        return [.. byKey.Values];
    }

    private void Upsert(string head, DbType[] types, IEnumerable<object?[]> rows, string tail) => RowBatch.Insert(connection, tx, head, types, rows, tail);

    private long ForIds(string sql, IEnumerable<string> ids, (string Name, string Value)? extra = null) =>
        RowBatch.ForIds(connection, tx, sql, ids, extra);

    private void Execute(string sql) => Sql.Execute(connection, tx, sql);

    private DbCommand Command(string sql) => Sql.Command(connection, tx, sql);
}
