using Marsad.Storage;

namespace Marsad.Web.Tests;

public sealed class SnapshotProviderTests
{
    [Fact]
    public async Task StoreWrittenWhileServingIsPickedUp()
    {
        var dir = Path.Combine(Path.GetTempPath(), "marsad-provider-" + Guid.NewGuid().ToString("N"));
        var db = Path.Combine(dir, "m.db");
        try
        {
            var provider = new SnapshotProvider(db);
            Assert.Equal(0, provider.Current.Stats.Documents);
            Assert.False(File.Exists(db), "serving never creates the store");

            using (var store = SqliteDocumentStore.Open(db))
            {
                store.Save(new StoredDocument { Id = "d1", ContentHash = "h1", Text = "عقد الوزراء اجتماعًا في بغداد يوم الأحد.", Json = "{}", Language = "ar" });
            }

            // The change is noticed within the check interval and rebuilt in the background; requests meanwhile get the old state.
            var deadline = DateTime.UtcNow + SnapshotProvider.CheckInterval + TimeSpan.FromSeconds(30);
            while (provider.Current.Stats.Documents == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Equal(1, provider.Current.Stats.Documents);
            Assert.Null(provider.LastError);
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
}
