using Marsad.Storage;

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
                store.Save(Row("d3", "قال المتحدث إن المحادثات مع العراق مستمرة وبالعراق فرق فنية.", null));
            }

            using var search = new StoreSearch();
            var snapshot = SnapshotLoader.Default.Load(db, search: search);
            var hits = snapshot.Search("العراق", 10);
            Assert.Equal(["d2", "d3"], hits.Select(h => h.Document.Id).ToArray());
            var d3 = hits[1];
            Assert.Equal("text", d3.Field);
            Assert.Contains(d3.Highlights, h => d3.Snippet[h.Start..h.End] == "وبالعراق");
            Assert.Equal(snapshot.Document("d3")!.Text[d3.Start..d3.End], d3.Snippet[d3.Highlights[0].Start..d3.Highlights[0].End]);

            using (var store = SqliteDocumentStore.Open(db))
            {
                store.Save(Row("d4", "أعلنت بغداد أن العراق سيستضيف القمة.", null));
            }

            var reloaded = SnapshotLoader.Default.Load(db, search: search);
            Assert.Contains("d4", reloaded.Search("العراق", 10).Select(h => h.Document.Id));
            Assert.Empty(reloaded.Search("zzqqxx", 10));
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

    private static StoredDocument Row(string id, string text, string? title) =>
        new() { Id = id, ContentHash = "h-" + id, Text = text, Title = title, Json = "{}", Language = "ar" };
}
