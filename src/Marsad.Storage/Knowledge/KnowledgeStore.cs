using System.Data.Common;
using Marsad.Knowledge;
using Marsad.Model;

namespace Marsad.Storage.Knowledge;

/// <summary>
/// The knowledge base over either store: the lookups of the engine's run and <see cref="Apply"/> (this file), the
/// paged reads (KnowledgeStore.Reads.cs). The SQL is shared; a store only says how it reaches its connection
/// (<see cref="Read{T}"/>) and runs a transaction (<see cref="Write"/>).
/// </summary>
public abstract partial class KnowledgeStore : IKnowledgeStore
{
    public abstract string Description { get; }

    public string? Migrated { get; protected set; }

    public abstract string? GetContentHash(string id);

    public abstract SaveResult Save(StoredDocument document);

    public abstract IReadOnlyList<SaveResult> SaveMany(IReadOnlyList<StoredDocument> documents);

    public abstract StoredDocument? Get(string id);

    public abstract IEnumerable<StoredDocument> All();

    public abstract int Count();

    public abstract string ChangeStamp();

    public abstract IReadOnlyList<DocumentChange> ChangedSince(DocumentMark? after, int limit);

    public IReadOnlyList<StoredDocument> GetMany(IReadOnlyCollection<string> ids)
    {
        var found = new List<StoredDocument>(ids.Count);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(Sql.Chunk))
        {
            found.AddRange(Read(c =>
            {
                using var cmd = Sql.Command(c, null, "");
                cmd.CommandText = StoredDocumentColumns.Select + " WHERE id IN (" + cmd.InList(chunk) + ")";
                return List(cmd, StoredDocumentColumns.Read);
            }));
        }

        return found;
    }

    public abstract void Dispose();

    /// <inheritdoc/>
    public abstract IDisposable Connecting();

    public IReadOnlyList<StoryRecord> StoriesBetween(DateOnly from, DateOnly to) => Read(c =>
    {
        // A story that starts by `to` ends by `to` + the longest span stored: the lookup is one bounded range of last dates.
        var span = (int)Sql.Long(c, null, "SELECT max_span FROM knowledge_state WHERE id = 1");
        using var cmd = Sql.Command(c, null,
                $"SELECT {KnowledgeRecords.StoryColumns} FROM stories s WHERE s.last_date >= @from AND s.last_date <= @bound AND s.first_date <= @to")
            .With("@from", Iso(from)).With("@to", Iso(to)).With("@bound", Iso(to.AddDays(span)));
        return ById(List(cmd, KnowledgeRecords.Story), s => s.Id);
    });

    public IReadOnlyList<StoryRecord> UndatedStories(int limit) => Read(c =>
    {
        using var cmd = Sql.Command(c, null,
            $"SELECT {KnowledgeRecords.StoryColumns} FROM stories s WHERE s.last_date = '' ORDER BY s.updated_at DESC, s.id DESC LIMIT @limit")
            .With("@limit", Math.Max(0, limit));
        return List(cmd, KnowledgeRecords.Story);
    });

    /// <summary>The end of the order's index (an undated story's '' sorts first): one seek, whatever the store's size.</summary>
    public DateOnly? NewestStoryDay() => Read(c =>
    {
        using var cmd = Sql.Command(c, null, "SELECT s.last_date FROM stories s ORDER BY s.last_date DESC LIMIT 1");
        return cmd.ExecuteScalar() is string day && DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
    });

    StoryRecord? IKnowledgeBase.Story(string id) => Read(c => StoryById(c, id));

    public string? ResolveStory(string id) => Read(c => Resolve(c, id));

    public IReadOnlyList<string> StoryDocuments(string story) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, "SELECT id FROM documents WHERE story_id = @story").With("@story", story);
        return ById(List(cmd, r => r.GetString(0)), x => x);
    });

    public IReadOnlyList<EventRecord> StoryEvents(string story) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, $"SELECT {KnowledgeRecords.EventColumns} FROM events e WHERE e.story_id = @story").With("@story", story);
        return ById(List(cmd, KnowledgeRecords.Event), e => e.Id);
    });

    public IEnumerable<Document> Documents(IReadOnlyCollection<string> ids)
    {
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(Sql.Chunk))
        {
            var rows = Read(c =>
            {
                using var cmd = Sql.Command(c, null, "");
                cmd.CommandText = StoredDocumentColumns.Select + " WHERE id IN (" + cmd.InList(chunk) + ")";
                return List(cmd, StoredDocumentColumns.Read).ToDictionary(d => d.Id, StringComparer.Ordinal);
            });
            foreach (var id in chunk)
            {
                if (rows.TryGetValue(id, out var row))
                {
                    yield return StoredDocuments.Rebuild(row);
                }
            }
        }
    }

    public IReadOnlyList<DuplicateCandidate> DuplicateCandidates(IReadOnlyCollection<long> bands, int limit)
    {
        var found = new List<DuplicateCandidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in bands.Distinct().Chunk(Sql.Chunk))
        {
            if (found.Count >= limit)
            {
                break;
            }

            var rows = Read(c =>
            {
                using var cmd = Sql.Command(c, null, "");
                var names = new string[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    names[i] = "@b" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    cmd.With(names[i], chunk[i]);
                }

                cmd.CommandText = "SELECT g.doc_id, g.signature FROM digests g WHERE g.doc_id IN (SELECT doc_id FROM digest_bands WHERE band IN ("
                    + string.Join(", ", names) + ")) LIMIT @limit";
                cmd.With("@limit", limit - found.Count);
                return List(cmd, r => new DuplicateCandidate(r.GetString(0), KnowledgeRecords.Signature((byte[])r.GetValue(1))));
            });
            found.AddRange(rows.Where(x => seen.Add(x.Document)).Take(limit - found.Count));
        }

        return found;
    }

    public IReadOnlyList<string> Unconnected(int limit) => Read(c =>
    {
        using var cmd = Sql.Command(c, null, "SELECT id FROM documents WHERE connected = 0 ORDER BY analyzed_at, id LIMIT @limit")
            .With("@limit", Math.Max(0, limit));
        return List(cmd, r => r.GetString(0));
    });

    public void Apply(KnowledgeChange change) => Write((c, tx) => new KnowledgeWriter(c, tx).Apply(change));

    /// <summary>Runs a read on the store's connection.</summary>
    protected abstract T Read<T>(Func<DbConnection, T> query);

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it.</summary>
    protected abstract void Write(Action<DbConnection, DbTransaction> work);

    /// <summary>Documents saved and changes applied, from the one state row (see <see cref="IDocumentStore.ChangeStamp"/>).</summary>
    protected static string KnowledgeStamp(DbConnection c)
    {
        using var cmd = Sql.Command(c, null, KnowledgeSchema.Stamp);
        using var r = cmd.ExecuteReader();
        r.Read();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.GetInt64(0)}|{r.GetInt64(1)}");
    }

    private static StoryRecord? StoryById(DbConnection c, string id)
    {
        using var cmd = Sql.Command(c, null, $"SELECT {KnowledgeRecords.StoryColumns} FROM stories s WHERE s.id = @id").With("@id", id);
        return List(cmd, KnowledgeRecords.Story).FirstOrDefault();
    }

    private static string? Resolve(DbConnection c, string id)
    {
        using var cmd = Sql.Command(c, null, """
            SELECT id FROM stories WHERE id = @id
            UNION ALL
            SELECT r.new_id FROM story_redirects r JOIN stories s ON s.id = r.new_id WHERE r.old_id = @id
            """).With("@id", id);
        return cmd.ExecuteScalar() as string;
    }

    private static List<T> List<T>(DbCommand cmd, Func<DbDataReader, T> read)
    {
        var list = new List<T>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(read(r));
        }

        return list;
    }

    // Lookups return their rows in ordinal id order, the same on both stores (no ORDER BY, which could steer the planner
    // away from the lookup's index).
    private static List<T> ById<T>(List<T> rows, Func<T, string> id)
    {
        rows.Sort((a, b) => string.CompareOrdinal(id(a), id(b)));
        return rows;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
