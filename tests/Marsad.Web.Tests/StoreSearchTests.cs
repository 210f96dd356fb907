using Marsad.Storage;
using Marsad.Storage.Knowledge;

namespace Marsad.Web.Tests;

public sealed class StoreSearchTests
{
    [Fact]
    public void FindsCliticFormsRanksAndFollowsTheStore()
    {
        var dir = Path.Combine(Path.GetTempPath(), "marsad-store-search-" + Guid.NewGuid().ToString("N"));
        var db = Path.Combine(dir, "m.db");
        try
        {
            Directory.CreateDirectory(dir);
            using (var store = SqliteDocumentStore.Open(db))
            {
                store.Save(Row("d1", "زار الوزير مدينة الموصل يوم الأحد والتقى المحافظ.", "زيارة إلى الموصل"));
                store.Save(Row("d2", "وصل الوفد إلى العراق أمس. وفي العراق التقى الوفد وزير الخارجية، ثم غادر العراق مساء.", "وفد في العراق"));
                store.Save(Row("d3", D3, null));
            }

            using var search = new StoreSearch();
            using (var store = SqliteDocumentStore.Open(db))
            {
                Assert.Equal(3, search.Sync(store));
            }

            var hits = Search(search, "العراق").Items;
            Assert.Equal(["d2", "d3"], hits.Select(h => h.Id).ToArray());
            var d3 = hits[1];
            Assert.Equal("text", d3.Field);
            Assert.Contains(d3.Highlights, h => d3.Snippet[h.Start..h.End] == "وبالعراق");
            Assert.Equal(D3[d3.Start..d3.End], d3.Snippet[d3.Highlights[0].Start..d3.Highlights[0].End]);

            // Paged by rank: the second page goes on where the first stopped.
            var first = Search(search, "العراق", limit: 1);
            Assert.Equal(["d2"], first.Items.Select(h => h.Id));
            Assert.Equal(["d3"], Search(search, "العراق", limit: 1, cursor: first.Next).Items.Select(h => h.Id));

            using (var store = SqliteDocumentStore.Open(db))
            {
                store.Save(Row("d4", "أعلنت بغداد أن العراق سيستضيف القمة.", null));
                Assert.Equal(1, search.Sync(store));
                Assert.Equal(0, search.Sync(store));
            }

            Assert.Contains("d4", Search(search, "العراق").Items.Select(h => h.Id));
            Assert.Empty(Search(search, "zzqqxx").Items);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private const string D3 = "قال المتحدث إن المحادثات مع العراق مستمرة وبالعراق فرق فنية.";

    private static Page<Api.SearchHit> Search(StoreSearch search, string q, int limit = 10, string? cursor = null) =>
        Views.SearchViews.Search(search, EmptyKnowledgeReader.Instance, q, new KnowledgeQuery { Limit = limit, Cursor = cursor });

    private static StoredDocument Row(string id, string text, string? title) =>
        new() { Id = id, ContentHash = "h-" + id, Text = text, Title = title, Json = "{}", Language = "ar" };
}
