using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Corpus;
using Marsad.Knowledge;
using Marsad.Storage;
using Marsad.Storage.Knowledge;

namespace Marsad.Cli.Commands;

/// <summary>
/// Builds a large store for the scale benchmark from a smaller one: every document and every piece of knowledge is
/// copied again and again, each copy with new ids (<c>~rK</c>) and its dates moved K years on, until the target size.
/// Rules:
/// <list type="bullet">
/// <item>a copy is what the engine would have stored for the same articles published K years later: the same stories,
/// events, entities, discrepancies, duplicates and framing, renamed (whole years keep month and year dates valid);</item>
/// <item>the clusterer's story state is copied with its document ids and dates moved the same way
/// , so a copied store keeps growing like any other;</item>
/// <item>the source is read page by page and once per copy, so memory follows the source's knowledge, not the target.</item>
/// </list>
/// </summary>
internal sealed class StoreReplicator(IKnowledgeStore source, IKnowledgeStore target, Action<int>? progress = null)
{
    private const int ChangeStories = 500;

    private const int SaveChunk = 500;

    public int Copy(int documents)
    {
        var sourceCount = source.Count();
        if (sourceCount == 0)
        {
            throw new UsageException("the source store holds no documents");
        }

        var knowledge = SourceKnowledge.Read(source);
        var written = 0;
        for (var k = 0; written < documents; k++)
        {
            written += CopyOnce(knowledge, k, documents - written);
            progress?.Invoke(written);
        }

        return written;
    }

    private int CopyOnce(SourceKnowledge knowledge, int k, int budget)
    {
        var shift = new CopyShift(k);
        var written = 0;
        var kept = new HashSet<string>(StringComparer.Ordinal);
        // Rows are renamed on every core, a chunk at a time, and each chunk is saved in one transaction (a transaction a
        // document made the copy of 1M documents a matter of 40 minutes).
        foreach (var chunk in source.All().Take(budget).Chunk(SaveChunk))
        {
            var renamed = new StoredDocument[chunk.Length];
            Parallel.For(0, chunk.Length, i => renamed[i] = shift.Document(chunk[i], k));
            target.SaveMany(renamed);

            kept.UnionWith(chunk.Select(r => r.Id));
            written += chunk.Length;
        }

        target.Apply(new KnowledgeChange { Entities = knowledge.Entities });
        foreach (var chunk in knowledge.Stories.Chunk(ChangeStories))
        {
            var stories = chunk.Where(s => knowledge.Members[s.Id].TrueForAll(kept.Contains)).ToList();
            var ids = stories.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var docs = stories.SelectMany(s => knowledge.Members[s.Id]).ToHashSet(StringComparer.Ordinal);
            target.Apply(new KnowledgeChange
            {
                Stories = stories.Select(shift.Story).ToList(),
                DocumentStories = docs.ToDictionary(shift.Id, d => shift.Id(knowledge.StoryOf[d]), StringComparer.Ordinal),
                Events = knowledge.Events.Where(e => e.Story is { } s && ids.Contains(s)).Select(shift.Event).ToList(),
                Discrepancies = knowledge.Discrepancies.Where(d => ids.Contains(d.Story)).Select(shift.Discrepancy).ToList(),
                Framing = knowledge.Framing.Where(f => ids.Contains(f.Story)).Select(f => f with { Story = shift.Id(f.Story) }).ToList(),
                Duplicates = knowledge.Duplicates.Where(p => docs.Contains(p.A) || docs.Contains(p.B))
                    .Where(p => kept.Contains(p.A) && kept.Contains(p.B))
                    .Select(p => new DuplicateRecord(shift.Id(p.A), shift.Id(p.B), p.Similarity)).ToList(),
                EntityMentions = docs.Where(knowledge.Mentions.ContainsKey).ToDictionary(
                    shift.Id,
                    d => (IReadOnlyList<EntityMentionCount>)knowledge.Mentions[d].Select(m => m with { Document = shift.Id(d) }).ToList(),
                    StringComparer.Ordinal),
            });
        }

        return written;
    }

    /// <summary>Everything but the documents, read once from the source (its size follows the source, not the target).</summary>
    private sealed class SourceKnowledge
    {
        public List<StoryRecord> Stories { get; } = [];

        public Dictionary<string, List<string>> Members { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> StoryOf { get; } = new(StringComparer.Ordinal);

        public List<EventRecord> Events { get; } = [];

        public List<DiscrepancyRecord> Discrepancies { get; } = [];

        public List<FramingRecord> Framing { get; } = [];

        public List<DuplicateRecord> Duplicates { get; } = [];

        public List<EntityRecord> Entities { get; } = [];

        public Dictionary<string, List<EntityMentionCount>> Mentions { get; } = new(StringComparer.Ordinal);

        public static SourceKnowledge Read(IKnowledgeStore store)
        {
            var k = new SourceKnowledge();
            k.Stories.AddRange(All(store.Stories));
            foreach (var s in k.Stories)
            {
                var members = store.StoryDocuments(s.Id).ToList();
                k.Members[s.Id] = members;
                foreach (var d in members)
                {
                    k.StoryOf[d] = s.Id;
                }

                if (store.Framing(s.Id) is { } f)
                {
                    k.Framing.Add(f);
                }
            }

            k.Events.AddRange(All(store.Events));
            k.Discrepancies.AddRange(All(store.Discrepancies));
            k.Duplicates.AddRange(All(store.Duplicates));
            foreach (var e in All(store.Entities))
            {
                k.Entities.Add(e.Entity);
                foreach (var m in All(q => store.EntityDocuments(e.Entity.Id, q)))
                {
                    if (!k.Mentions.TryGetValue(m.Document, out var list))
                    {
                        k.Mentions[m.Document] = list = [];
                    }

                    list.Add(m);
                }
            }

            return k;
        }

        private static IEnumerable<T> All<T>(Func<KnowledgeQuery, Page<T>> read) =>
            KnowledgeReaders.All(read, new KnowledgeQuery { Limit = KnowledgeQuery.MaxLimit });
    }

    /// <summary>How copy K renames: ids get "~rK" (copy 0 keeps them), dates move K years.</summary>
    private sealed class CopyShift(int k)
    {
        private readonly string _suffix = k == 0 ? "" : "~r" + k.ToString(CultureInfo.InvariantCulture);

        public string Id(string id) => id + _suffix;

        /// <summary>An ISO day, month or year moved K years (29 February becomes the 28th off leap years).</summary>
        public string? Date(string? date)
        {
            if (k == 0 || date is null || date.Length < 4 || !int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return date;
            }

            if (date.Length == 10 && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day.AddYears(k).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            return (year + k).ToString("D4", CultureInfo.InvariantCulture) + date[4..];
        }

        /// <summary>
        /// A document renamed and moved: its contract object's "id" and "published" are the first of their names in it
        /// (the writer puts them before the text), so they are replaced in place without parsing the whole object.
        /// </summary>
        public StoredDocument Document(StoredDocument row, int copy)
        {
            var json = row.Json;
            if (copy > 0)
            {
                json = Replace(json, "\"id\":" + JsonSerializer.Serialize(row.Id), "\"id\":" + JsonSerializer.Serialize(Id(row.Id)));
                json = Replace(json, "\"published\":" + (row.Published is null ? "null" : JsonSerializer.Serialize(row.Published)),
                    "\"published\":" + (Date(row.Published) is { } d ? JsonSerializer.Serialize(d) : "null"));
            }

            return row with
            {
                Id = Id(row.Id),
                ContentHash = copy == 0 ? row.ContentHash : row.ContentHash + "~r" + copy.ToString(CultureInfo.InvariantCulture),
                Published = Date(row.Published),
                Json = json,
            };

            static string Replace(string text, string from, string to)
            {
                var at = text.IndexOf(from, StringComparison.Ordinal);
                if (at < 0)
                {
                    throw new InvalidDataException($"a stored document's contract object does not hold {from}");
                }

                return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
            }
        }

        public StoryRecord Story(StoryRecord s)
        {
            var json = JsonNode.Parse(s.Json)!.AsObject();
            json["id"] = Id(s.Id);
            json["first"] = Date(s.First);
            json["last"] = Date(s.Last);
            if (json["documents"] is JsonArray docs)
            {
                json["documents"] = new JsonArray(docs.Select(d => (JsonNode?)JsonValue.Create(Id(d!.GetValue<string>()))).ToArray());
            }

            return s with
            {
                Id = Id(s.Id),
                First = Date(s.First),
                Last = Date(s.Last),
                State = State(s.State, s.Id),
                Json = json.ToJsonString(),
            };
        }

        /// <summary>The clusterer's state of a copied story: its dates and the year bound moved, its central document renamed.</summary>
        private string State(string state, string story)
        {
            if (k == 0)
            {
                return state;
            }

            var s = StoryState.Parse(state, story);
            return (s with
            {
                First = s.First?.AddYears(k),
                Last = s.Last?.AddYears(k),
                MinYear = s.MinYear > 0 ? s.MinYear + k : 0,
                Central = Id(s.Central),
            }).ToJson();
        }

        public EventRecord Event(EventRecord e)
        {
            var json = JsonNode.Parse(e.Json)!.AsObject();
            json["id"] = Id(e.Id);
            json["date"] = Date(e.Date);
            if (json["mentions"] is JsonArray mentions)
            {
                foreach (var m in mentions.OfType<JsonObject>())
                {
                    m["doc"] = Id(m["doc"]!.GetValue<string>());
                }
            }

            var row = JsonNode.Parse(e.RowJson)!.AsObject();
            row["Id"] = Id(e.Id);
            if (row["EventDate"] is JsonValue eventDate)
            {
                row["EventDate"] = Date(eventDate.GetValue<string>());
            }

            return e with
            {
                Id = Id(e.Id),
                Story = e.Story is null ? null : Id(e.Story),
                Date = Date(e.Date),
                Day = Date(e.Day),
                Documents = e.Documents.Select(Id).ToList(),
                Json = json.ToJsonString(),
                RowJson = row.ToJsonString(),
            };
        }

        public DiscrepancyRecord Discrepancy(DiscrepancyRecord d)
        {
            var json = JsonNode.Parse(d.Json)!.AsObject();
            if (json["claims"] is JsonArray claims)
            {
                foreach (var c in claims.OfType<JsonObject>())
                {
                    c["doc"] = Id(c["doc"]!.GetValue<string>());
                }
            }

            return d with { Id = Id(d.Id), Story = Id(d.Story), Json = json.ToJsonString() };
        }
    }
}
