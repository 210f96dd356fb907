using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Tests.Support;

namespace Marsad.Tests.Robustness;

/// <summary>
/// One <c>marsad analyze</c> run over a folder holding one bad input of each kind beside good ones (written here, in
/// our own words): every test of <see cref="BadInputTests"/> reads its case from this run's JSON and standard error.
/// </summary>
public sealed class BadInputRun : IDisposable
{
    public const string Arabic = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد يوم الأحد المقبل في بغداد لبحث الملفات العالقة بين الجانبين.\nوأضاف أن الوفد سيصل صباح السبت.\n";

    private readonly TempDir _tmp = new();

    public BadInputRun()
    {
        Input = Directory.CreateDirectory(_tmp.File("in")).FullName;
        Write("whitespace.txt", "  \n\t \u200F\n   \n");
        var utf8 = Encoding.UTF8.GetBytes(Arabic);
        Write("invalid-utf8.txt", [.. utf8[..50], 0xFF, 0xFE, 0xC3, 0x28, .. utf8[50..]]);
        Write("utf16le-nobom.txt", new UnicodeEncoding(false, false).GetBytes(Arabic));
        Write("utf16be-nobom.txt", new UnicodeEncoding(true, false).GetBytes(Arabic));
        Write("mixed/a-utf8.txt", Encoding.UTF8.GetBytes("عنوان أول\n" + Arabic));
        Write("mixed/b-cp1256.txt", EncodingDetector.Arabic1256.GetBytes("عنوان ثان\n" + Arabic));
        Write("mixed/c-utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("عنوان ثالث\n" + Arabic)]);
        Write("mixed/d-page.html", EncodingDetector.Arabic1256.GetBytes(
            $"<html><head><meta charset=\"windows-1256\"><title>عنوان رابع</title></head><body><p>{Arabic}</p></body></html>"));
        Write("entities.html",
            "<html><head><title>خبر &amp; تقرير</title></head><body><div><p>قال &quot;المتحدث&quot; إن الاجتماع&nbsp;سيعقد &#1601;&#1610; بغداد " +
            "يوم الأحد &lt;المقبل&gt; لبحث الملفات العالقة بين الجانبين.<p>وأضاف أن الوفد <b>سيصل <i>صباح</b> السبت</i>.</div></span><!-- no end");
        var line = Arabic.Replace('\n', ' ');
        Write("truncated.jsonl", $"{{\"id\":\"whole-record\",\"text\":\"{line}\"}}\n{{\"id\":\"cut-record\",\"text\":\"خبر ناقص عن");
        Write("bad-date.rss",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>وكالة</title><item><title>خبر الاجتماع</title>" +
            $"<link>http://example.org/news/1</link><pubDate>someday, 99 Foo 20xx</pubDate><description>{line}</description></item></channel></rss>");
        Write("english.txt", "Ministers meet in Baghdad on Sunday\nThe government spokesman said the meeting would be held next Sunday in Baghdad to discuss the open files.\n");
        Write("persian.txt", "نشست وزیران در بغداد\nسخنگوی دولت گفت که این نشست یکشنبه آینده در بغداد برگزار می‌شود تا پرونده‌های باقی‌مانده میان دو طرف بررسی شود.\n");
        Write("urdu.txt", "بغداد میں وزراء کا اجلاس\nحکومت کے ترجمان نے کہا کہ یہ اجلاس اگلے اتوار کو بغداد میں ہوگا جس میں دونوں فریقوں کے درمیان باقی معاملات پر بات ہوگی۔\n");
        Write("loop/inner/in-loop.txt", "عنوان في الحلقة\n" + Arabic);
        Directory.CreateSymbolicLink(Path.Combine(Input, "loop", "inner", "back"), "..");
        Write("folder.txt/inside.txt", "عنوان داخلي\n" + Arabic);

        // Tests run as root, where no permission bit makes a file unreadable: a named pipe (whose open would wait for
        // a writer forever) and a link to /proc/self/mem (whose first page cannot be read) stand in for one.
        if (OperatingSystem.IsLinux())
        {
            using var mkfifo = Process.Start("mkfifo", Path.Combine(Input, "pipe.txt"));
            mkfifo.WaitForExit();
            File.CreateSymbolicLink(Path.Combine(Input, "unreadable.txt"), "/proc/self/mem");
        }

        Result = MarsadProcess.Run("analyze", Input, "--db", _tmp.File("m.db"), "--json", _tmp.File("out.json"), "--quiet");
        using var json = JsonDocument.Parse(File.ReadAllBytes(_tmp.File("out.json")));
        Documents = json.RootElement.GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("id").GetString()!, d => d.Clone(), StringComparer.Ordinal);
    }

    public string Input { get; }

    public MarsadProcess.Result Result { get; }

    public IReadOnlyDictionary<string, JsonElement> Documents { get; }

    /// <summary>The one line of standard error about <paramref name="file"/> (a path relative to the input folder).</summary>
    public string LineAbout(string file)
    {
        var path = Path.Combine(Input, file);
        return Assert.Single(Result.ErrorLines, l => l.Contains(path + ":", StringComparison.Ordinal));
    }

    public void Dispose() => _tmp.Dispose();

    private void Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    private void Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
