using System.Text;
using Marsad.Storage;
using Marsad.Tests.Support;

namespace Marsad.Tests.Robustness;

/// <summary>Inputs big or deep enough to exhaust memory or the stack: refused in one line, or read in bounded memory.</summary>
public class HeavyInputTests
{
    private const string Sentence = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد يوم الأحد المقبل في بغداد لبحث الملفات العالقة بين الجانبين. ";

    [Fact]
    public void ATwoHundredMegabyteTextFileIsRefusedInOneLineAndTheRunGoesOn()
    {
        using var tmp = new TempDir();
        var input = Directory.CreateDirectory(tmp.File("in")).FullName;
        var huge = Path.Combine(input, "huge.txt");
        using (var writer = new StreamWriter(huge, false, new UTF8Encoding(false)))
        {
            var line = string.Concat(Enumerable.Repeat(Sentence, 20)) + "\n";
            while (writer.BaseStream.Length < 200L * 1024 * 1024)
            {
                writer.Write(line);
            }
        }

        File.WriteAllText(Path.Combine(input, "small.txt"), "عنوان قصير\n" + Sentence);

        var result = MarsadProcess.Run("analyze", input, "--db", tmp.File("m.db"), "--quiet");

        Assert.Equal(1, result.ExitCode);
        var line1 = Assert.Single(result.ErrorLines);
        Assert.Equal($"marsad: {huge}: file too large (200 MiB; the limit is 64 MiB)", line1);
        Assert.True(result.PeakMb < 600, $"peak memory {result.PeakMb:N0} MB");
        using var store = SqliteDocumentStore.Open(tmp.File("m.db"));
        Assert.Equal(["small"], store.All().Select(d => d.Id));
    }

    [Fact]
    public void AFiveMegabyteSingleLineIsAnalyzedInBoundedMemory()
    {
        using var tmp = new TempDir();
        var file = tmp.File("one-line.txt");
        var builder = new StringBuilder(6 * 1024 * 1024);
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < 5 * 1024 * 1024)
        {
            builder.Append(string.Concat(Enumerable.Repeat(Sentence, 1000)));
        }

        File.WriteAllText(file, builder.ToString());

        var result = MarsadProcess.Run("analyze", file, "--db", tmp.File("m.db"), "--quiet");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(result.PeakMb < 1536, $"peak memory {result.PeakMb:N0} MB");
        using var store = SqliteDocumentStore.Open(tmp.File("m.db"));
        var doc = Assert.Single(store.All());
        Assert.True(doc.Text.Length > 2_000_000);
    }

    [Fact]
    public void HtmlWithAHundredThousandNestedTagsIsReadWithAWarning()
    {
        using var tmp = new TempDir();
        var file = tmp.File("nested.html");
        File.WriteAllText(file, "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>" + Sentence + "</p>"
            + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>");

        var result = MarsadProcess.Run("analyze", file, "--db", tmp.File("m.db"), "--quiet");

        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"marsad: warning: {file}: markup nested deeper than", warning, StringComparison.Ordinal);
        Assert.True(result.PeakMb < 1024, $"peak memory {result.PeakMb:N0} MB");
        using var store = SqliteDocumentStore.Open(tmp.File("m.db"));
        Assert.Contains("الاجتماع سيعقد", Assert.Single(store.All()).Text, StringComparison.Ordinal);
    }
}
