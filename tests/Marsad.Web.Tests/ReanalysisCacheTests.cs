using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Web.Tests;

public sealed class ReanalysisCacheTests
{
    [SharedFact]
    public void ReloadsAnnotateOnlyChangedRowsAndMatchAFreshLoad()
    {
        var dir = Path.Combine(Path.GetTempPath(), "marsad-reanalysis-" + Guid.NewGuid().ToString("N"));
        var db = Path.Combine(dir, "m.db");
        try
        {
            Directory.CreateDirectory(dir);
            Assert.Equal(0, Marsad.Cli.Program.Main(["analyze", SharedData.SeedsDir, "--db", db]));
            var seeds = Directory.GetFiles(SharedData.SeedsDir, "*.txt").Length;
            var cache = new ReanalysisCache();

            var first = SnapshotLoader.Default.Load(db, cache);
            Assert.Equal((0, seeds), cache.LastReload);
            Assert.Equal(SnapshotLoader.Default.Load(db).Analysis, first.Analysis);

            // The corpus stage dates some seeds from their story in place; a reuse must not take that date as their own.
            var second = SnapshotLoader.Default.Load(db, cache);
            Assert.Equal((seeds, 0), cache.LastReload);
            Assert.Equal(first.Analysis, second.Analysis);

            var extra = Path.Combine(dir, "extra");
            Directory.CreateDirectory(extra);
            File.WriteAllText(Path.Combine(extra, "new.txt"), "وزارة الدفاع العراقية\n\nأعلنت وزارة الدفاع العراقية يوم الاثنين 15 كانون الثاني 2024 أن قواتها أحبطت هجوما قرب مطار بغداد.\n");
            Assert.Equal(0, Marsad.Cli.Program.Main(["analyze", extra, "--db", db]));
            var third = SnapshotLoader.Default.Load(db, cache);
            Assert.Equal((seeds, 1), cache.LastReload);
            Assert.Equal(SnapshotLoader.Default.Load(db).Analysis, third.Analysis);
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
