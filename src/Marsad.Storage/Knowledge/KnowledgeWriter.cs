using System.Data.Common;
using Marsad.Knowledge;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// Applies one <see cref="KnowledgeChange"/> inside the caller's transaction, by the rules of its doc comment. Every
/// statement touches rows by key (a story's, an event's, a document's), so the cost follows the size of the change.
/// </summary>
internal sealed class KnowledgeWriter(DbConnection connection, DbTransaction tx)
{
    public void Apply(KnowledgeChange change)
    {
        // The counter row also serializes writers on PostgreSQL: two workers apply one after the other.
        Execute("UPDATE knowledge_state SET applied = applied + 1 WHERE id = 1");
        var sequence = Sql.Long(connection, tx, "SELECT applied FROM knowledge_state WHERE id = 1");
        foreach (var (old, survivor) in change.Redirects)
        {
            Redirect(old, survivor);
        }

        foreach (var story in change.Stories)
        {
            UpsertStory(story, sequence);
            ClearStory(story.Id);
        }

        foreach (var e in change.Events)
        {
            DeleteEvents("id = @id", e.Id);
            InsertEvent(e);
        }

        Each(change.Discrepancies, """
            INSERT INTO discrepancies (id, story_id, kind, json) VALUES (@id, @story, @kind, @json)
            ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, kind = excluded.kind, json = excluded.json
            """, (cmd, x) => cmd.With("@id", x.Id).With("@story", x.Story).With("@kind", x.Kind).With("@json", x.Json));
        Each(change.Framing, """
            INSERT INTO framing (story_id, json) VALUES (@story, @json)
            ON CONFLICT (story_id) DO UPDATE SET json = excluded.json
            """, (cmd, x) => cmd.With("@story", x.Story).With("@json", x.Json));
        Each(change.DocumentStories, "UPDATE documents SET story_id = @story, connected = 1 WHERE id = @id",
            (cmd, x) => cmd.With("@id", x.Key).With("@story", x.Value));
        Each(change.Duplicates, """
            INSERT INTO duplicates (a, b, similarity) VALUES (@a, @b, @similarity)
            ON CONFLICT (a, b) DO UPDATE SET similarity = excluded.similarity
            """, (cmd, x) =>
            {
                var ordered = string.CompareOrdinal(x.A, x.B) <= 0;
                cmd.With("@a", ordered ? x.A : x.B).With("@b", ordered ? x.B : x.A).With("@similarity", x.Similarity);
            });
        Each(change.Entities, """
            INSERT INTO entities (id, type, name, country, json) VALUES (@id, @type, @name, @country, @json)
            ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, country = excluded.country, json = excluded.json
            """, (cmd, x) => cmd.With("@id", x.Id).With("@type", x.Type).With("@name", x.Name).With("@country", x.Country).With("@json", x.Json));
        foreach (var (document, mentions) in change.EntityMentions)
        {
            ReplaceMentions(document, mentions);
        }

        foreach (var digest in change.Digests)
        {
            UpsertDigest(digest);
        }
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
                     "DELETE FROM stories WHERE id = @old",
                 })
        {
            using var cmd = Command(sql).With("@old", old).With("@new", survivor);
            cmd.ExecuteNonQuery();
        }
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
    private void ClearStory(string story)
    {
        DeleteEvents("story_id = @id", story);
        foreach (var sql in new[] { "DELETE FROM discrepancies WHERE story_id = @id", "DELETE FROM framing WHERE story_id = @id" })
        {
            using var cmd = Command(sql).With("@id", story);
            cmd.ExecuteNonQuery();
        }
    }

    private void DeleteEvents(string condition, string value)
    {
        foreach (var child in new[] { "event_actors", "event_outlets", "event_documents" })
        {
            using var cmd = Command($"DELETE FROM {child} WHERE event_id IN (SELECT id FROM events WHERE {condition})").With("@id", value);
            cmd.ExecuteNonQuery();
        }

        using var events = Command($"DELETE FROM events WHERE {condition}").With("@id", value);
        events.ExecuteNonQuery();
    }

    private void InsertEvent(EventRecord e)
    {
        var day = KnowledgeRecords.DateColumn(e.Day);
        using (var cmd = Command("""
            INSERT INTO events (id, story_id, type, date, day, country, place, lat, lon, killed, actors, documents, outlets, json, row_json)
            VALUES (@id, @story, @type, @date, @day, @country, @place, @lat, @lon, @killed, @actors, @documents, @outlets, @json, @row)
            """))
        {
            cmd.With("@id", e.Id).With("@story", e.Story).With("@type", e.Type).With("@date", e.Date).With("@day", day)
                .With("@country", e.Country).With("@place", e.Place).With("@lat", e.Lat).With("@lon", e.Lon).With("@killed", e.Killed)
                .With("@actors", KnowledgeRecords.ListJson(e.Actors)).With("@documents", KnowledgeRecords.ListJson(e.Documents))
                .With("@outlets", KnowledgeRecords.ListJson(e.Outlets)).With("@json", e.Json).With("@row", e.RowJson);
            cmd.ExecuteNonQuery();
        }

        Each(e.Actors.Distinct(StringComparer.Ordinal), "INSERT INTO event_actors (entity_id, day, event_id) VALUES (@key, @day, @id)",
            (cmd, x) => cmd.With("@key", x).With("@day", day).With("@id", e.Id));
        Each(e.Outlets.Distinct(StringComparer.Ordinal), "INSERT INTO event_outlets (outlet, day, event_id) VALUES (@key, @day, @id)",
            (cmd, x) => cmd.With("@key", x).With("@day", day).With("@id", e.Id));
        Each(e.Documents.Distinct(StringComparer.Ordinal), "INSERT INTO event_documents (doc_id, event_id) VALUES (@key, @id)",
            (cmd, x) => cmd.With("@key", x).With("@id", e.Id));
    }

    /// <summary>Replaces a document's mention counts, moving each entity's counters by the difference (never a recount).</summary>
    private void ReplaceMentions(string document, IReadOnlyList<EntityMentionCount> mentions)
    {
        var old = new List<(string Entity, int Count)>();
        using (var cmd = Command("SELECT entity_id, mentions FROM entity_mentions WHERE doc_id = @doc").With("@doc", document))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                old.Add((r.GetString(0), r.Int(1)));
            }
        }

        Each(old, "UPDATE entities SET mentions = mentions - @count, documents = documents - 1 WHERE id = @entity",
            (cmd, x) => cmd.With("@entity", x.Entity).With("@count", x.Count));
        using (var delete = Command("DELETE FROM entity_mentions WHERE doc_id = @doc").With("@doc", document))
        {
            delete.ExecuteNonQuery();
        }

        var counts = mentions.GroupBy(m => m.Entity, StringComparer.Ordinal)
            .Select(g => (Entity: g.Key, Count: g.Sum(m => m.Count))).Where(x => x.Count > 0);
        foreach (var (entity, count) in counts)
        {
            using (var counters = Command("UPDATE entities SET mentions = mentions + @count, documents = documents + 1 WHERE id = @entity")
                       .With("@entity", entity).With("@count", count))
            {
                if (counters.ExecuteNonQuery() == 0)
                {
                    throw new InvalidOperationException(
                        $"document '{document}' mentions entity '{entity}', which is not in the catalogue (add it to the change's entities)");
                }
            }

            using var insert = Command("INSERT INTO entity_mentions (entity_id, doc_id, mentions) VALUES (@entity, @doc, @count)")
                .With("@entity", entity).With("@doc", document).With("@count", count);
            insert.ExecuteNonQuery();
        }
    }

    private void UpsertDigest(DocumentDigest digest)
    {
        using (var cmd = Command("""
            INSERT INTO digests (doc_id, signature) VALUES (@doc, @signature)
            ON CONFLICT (doc_id) DO UPDATE SET signature = excluded.signature
            """).With("@doc", digest.Document).With("@signature", KnowledgeRecords.Signature(digest.Signature)))
        {
            cmd.ExecuteNonQuery();
        }

        using (var delete = Command("DELETE FROM digest_bands WHERE doc_id = @doc").With("@doc", digest.Document))
        {
            delete.ExecuteNonQuery();
        }

        Each(digest.Bands.Distinct(), "INSERT INTO digest_bands (band, doc_id) VALUES (@band, @doc)",
            (cmd, band) => cmd.With("@band", band).With("@doc", digest.Document));
    }

    // One command per statement, its parameters bound again for each item: SQLite prepares the statement once.
    private void Each<T>(IEnumerable<T> items, string sql, Action<DbCommand, T> bind)
    {
        using var cmd = Command(sql);
        foreach (var item in items)
        {
            cmd.Parameters.Clear();
            bind(cmd, item);
            cmd.ExecuteNonQuery();
        }
    }

    private void Execute(string sql) => Sql.Execute(connection, tx, sql);

    private DbCommand Command(string sql) => Sql.Command(connection, tx, sql);
}
