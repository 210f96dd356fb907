using System.Data;
using System.Data.Common;
using System.Text;
using Marsad.Knowledge;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// Replaces documents' entity mention counts and moves each entity's counters (mentions, documents) by the difference,
/// never by a recount: the old rows are read, the new ones written, and each touched entity updated once.
/// </summary>
internal sealed class MentionCounts(DbConnection connection, DbTransaction tx)
{
    public void Replace(IReadOnlyDictionary<string, IReadOnlyList<EntityMentionCount>> byDocument)
    {
        if (byDocument.Count == 0)
        {
            return;
        }

        var delta = new Dictionary<string, (long Mentions, long Documents)>(StringComparer.Ordinal);
        void Move(string entity, long mentions, long documents)
        {
            var d = delta.GetValueOrDefault(entity);
            delta[entity] = (d.Mentions + mentions, d.Documents + documents);
        }

        foreach (var chunk in byDocument.Keys.Chunk(Sql.Chunk))
        {
            using var cmd = Sql.Command(connection, tx, "");
            cmd.CommandText = "SELECT entity_id, mentions FROM entity_mentions WHERE doc_id IN (" + cmd.InList(chunk) + ")";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                Move(r.GetString(0), -r.Int(1), -1);
            }
        }

        RowBatch.ForIds(connection, tx, "DELETE FROM entity_mentions WHERE doc_id IN ({ids})", byDocument.Keys);
        var rows = byDocument.SelectMany(x => x.Value.GroupBy(m => m.Entity, StringComparer.Ordinal)
                .Select(g => (Entity: g.Key, Document: x.Key, Count: g.Sum(m => m.Count))))
            .Where(x => x.Count > 0).ToList();
        foreach (var row in rows)
        {
            Move(row.Entity, row.Count, 1);
        }

        RequireCatalogued(rows.Select(x => x.Entity).Distinct(StringComparer.Ordinal).ToList(), rows);
        RowBatch.Insert(connection, tx, "INSERT INTO entity_mentions (entity_id, doc_id, mentions)", [DbType.String, DbType.String, DbType.Int32],
            rows.Select(x => new object?[] { x.Entity, x.Document, x.Count }));
        foreach (var chunk in delta.Where(x => x.Value != (0, 0)).Chunk(250))
        {
            UpdateCounters(chunk);
        }
    }

    // One UPDATE for a chunk of entities: each moves by its own difference (a CASE on the id).
    private void UpdateCounters(KeyValuePair<string, (long Mentions, long Documents)>[] chunk)
    {
        using var cmd = Sql.Command(connection, tx, "");
        var mentions = new StringBuilder("CASE id");
        var documents = new StringBuilder("CASE id");
        for (var i = 0; i < chunk.Length; i++)
        {
            var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            cmd.With("@e" + n, chunk[i].Key).With("@m" + n, chunk[i].Value.Mentions).With("@d" + n, chunk[i].Value.Documents);
            mentions.Append($" WHEN @e{n} THEN @m{n}");
            documents.Append($" WHEN @e{n} THEN @d{n}");
        }

        var ids = string.Join(", ", Enumerable.Range(0, chunk.Length).Select(i => "@e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cmd.CommandText = $"UPDATE entities SET mentions = mentions + ({mentions} ELSE 0 END), documents = documents + ({documents} ELSE 0 END) WHERE id IN ({ids})";
        cmd.ExecuteNonQuery();
    }

    private void RequireCatalogued(IReadOnlyList<string> entities, IReadOnlyList<(string Entity, string Document, int Count)> rows)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in entities.Chunk(Sql.Chunk))
        {
            using var cmd = Sql.Command(connection, tx, "");
            cmd.CommandText = "SELECT id FROM entities WHERE id IN (" + cmd.InList(chunk) + ")";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                known.Add(r.GetString(0));
            }
        }

        if (rows.FirstOrDefault(x => !known.Contains(x.Entity)) is { Entity: not null } missing)
        {
            throw new InvalidOperationException(
                $"document '{missing.Document}' mentions entity '{missing.Entity}', which is not in the catalogue (add it to the change's entities)");
        }
    }
}
