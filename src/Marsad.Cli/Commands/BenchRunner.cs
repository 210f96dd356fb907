using System.Diagnostics;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Marsad.Analysis;
using Marsad.Export;
using Marsad.Extract.Entities;
using Marsad.Ingest;
using Marsad.Ingest.Cleaning;
using Marsad.Model;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// Runs the analysis over articles held in memory, timing each stage (clean, every annotator, JSON), then a
/// bare Lucene ArabicAnalyzer pass over the same cleaned texts. Reading is timed once (it includes disk and
/// decompression); the other stages are timed over several rounds and the best is kept, as a benchmark should.
/// The stages run on one thread, block by block (so their shares add up and memory stays small); then the whole analysis runs end to end on
/// <c>threads</c> threads, as <c>analyze</c> runs it, and both rates are printed. With <c>repeat</c>, the input is
/// cycled until <c>limit</c> articles are measured (the copies get new ids; the repeated-line index is learned from
/// the distinct articles, so a copy does not make every line look like boilerplate).
/// </summary>
internal static class BenchRunner
{
    /// <summary>Articles per block of the stage-by-stage pass: enough to time each stage, few enough to keep memory small.</summary>
    private const int BlockSize = 1000;

    public static int Run(IReadOnlyList<string> inputs, int limit, int rounds, int threads, bool repeat, bool warmUp = true)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var readWatch = Stopwatch.StartNew();
        var articles = new List<RawArticle>();
        foreach (var outcome in ArticleReader.ReadAll(inputs))
        {
            if (outcome.Article is { } a)
            {
                articles.Add(a);
                if (limit > 0 && articles.Count >= limit)
                {
                    break;
                }
            }
        }

        readWatch.Stop();
        if (articles.Count == 0)
        {
            Console.Error.WriteLine("marsad: bench: no readable articles in the input");
            return ExitCodes.Failure;
        }

        var distinct = articles.Count;
        var contextWatch = Stopwatch.StartNew();
        var context = CleanerContext.Build(articles);
        var learn = contextWatch.Elapsed.TotalSeconds;
        if (repeat && limit > articles.Count)
        {
            for (var copy = 2; articles.Count < limit; copy++)
            {
                var suffix = "~" + copy.ToString(System.Globalization.CultureInfo.InvariantCulture);
                articles.AddRange(articles.Take(Math.Min(distinct, limit - articles.Count)).Select(a => a with { Id = a.Id + suffix }).ToList());
            }
        }

        threads = threads == 0 ? Environment.ProcessorCount : threads;

        var analyzer = DocumentAnalyzer.Default;
        var annotators = analyzer.Pipeline.Annotators;
        var rawChars = articles.Sum(a => (long)System.Text.Encoding.UTF8.GetByteCount(a.Content));

        StageTimes? best = null;
        var cleanChars = 0L;
        var first = warmUp ? 0 : 1;
        var serialCpu = 0.0;
        for (var round = first; round <= rounds; round++)
        {
            // Each round starts with cold word caches, as a fresh run over these articles would.
            EntityTagger.Default.ResetCaches();
            var cpu0 = CpuSeconds();
            (var times, cleanChars) = Round(articles, context, analyzer, annotators);
            if (round > 0 && (best is null || times.Total < best.Total))
            {
                best = times;
                serialCpu = CpuSeconds() - cpu0;
            }
        }

        var lucene = TimeLucene(articles, context, analyzer, rounds);
        // CPU seconds beside wall seconds: on a shared machine the wall clock of the many-thread pass depends on what
        // else runs, while its CPU time shows whether the threads did extra work (contention, GC).
        var parallel = double.MaxValue;
        var parallelCpu = 0.0;
        for (var round = first; round <= rounds; round++)
        {
            EntityTagger.Default.ResetCaches();
            var cpu0 = CpuSeconds();
            var s = EndToEnd(articles, context, analyzer, threads);
            if (round > 0 && s < parallel)
            {
                parallel = s;
                parallelCpu = CpuSeconds() - cpu0;
            }
        }

        var table = new Table().Title($"marsad bench — {articles.Count:N0} articles ({distinct:N0} distinct), {Mb(rawChars):N1} MB raw, {Mb(cleanChars):N1} MB clean")
            .AddColumn("stage").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("articles/s").RightAligned())
            .AddColumn(new TableColumn("MB/s").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        // Learning the repeated lines is done once per run, before any article is cleaned: it counts in both totals.
        var total = best!.Total + learn;
        parallel += learn;
        void Row(string name, double s, long chars) =>
            table.AddRow(Markup.Escape(name), s.ToString("F3"), Rate(articles.Count, s), Rate(Mb(chars), s, "F1"), total > 0 ? (s / total).ToString("P0") : "-");

        table.AddRow("read (once: disk, gzip, parse)", readWatch.Elapsed.TotalSeconds.ToString("F3"), Rate(articles.Count, readWatch.Elapsed.TotalSeconds), Rate(Mb(rawChars), readWatch.Elapsed.TotalSeconds, "F1"), "");
        Row("learn repeated lines (once)", learn, rawChars);
        Row("clean (boilerplate, metadata)", best.Clean, rawChars);
        for (var i = 0; i < annotators.Count; i++)
        {
            Row("  " + annotators[i].Name, best.Annotators[i], cleanChars);
        }

        Row("json", best.Json, cleanChars);
        table.AddRow("[bold]analysis total, 1 thread[/]", total.ToString("F3"), Rate(articles.Count, total), Rate(Mb(rawChars), total, "F1"), "100%");
        table.AddRow($"[bold]end to end, {threads} threads[/]", parallel.ToString("F3"), Rate(articles.Count, parallel), Rate(Mb(rawChars), parallel, "F1"), "");
        table.AddRow("Lucene ArabicAnalyzer (yardstick)", lucene.ToString("F3"), Rate(articles.Count, lucene), Rate(Mb(cleanChars), lucene, "F1"), "");
        console.Write(table);

        using var process = Process.GetCurrentProcess();
        console.WriteLine($"ratio to the ArabicAnalyzer pass: {total / lucene:F1}x", Style.Plain);
        console.WriteLine($"peak memory: {process.PeakWorkingSet64 / (1024.0 * 1024):N0} MB working set, {GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024):N0} MB managed heap now", Style.Plain);
        console.WriteLine($"speed-up on {threads} threads: {total / parallel:F2}x (end to end {articles.Count / parallel:N0} articles/s, ratio to one-thread ArabicAnalyzer {parallel / lucene:F1}x)", Style.Plain);
        console.WriteLine($"CPU seconds: {serialCpu:F1} for the one-thread stages ({best.Total:F1} s wall), {parallelCpu:F1} for the {threads}-thread pass ({parallel - learn:F1} s wall)", Style.Plain);
        console.WriteLine($"stages on 1 thread, end to end on {threads}; rounds: {rounds} (best shown){(warmUp ? " after one warm-up" : ", no warm-up")}", Style.Plain);
        return ExitCodes.Success;
    }

    /// <summary>The whole analysis as <c>analyze</c> runs it: annotate on every thread, JSON in order on this one.</summary>
    private static double EndToEnd(List<RawArticle> articles, CleanerContext context, DocumentAnalyzer analyzer, int threads)
    {
        var t = Stopwatch.GetTimestamp();
        long bytes = 0;
        foreach (var outcome in analyzer.AnalyzeAll(articles, context, threads))
        {
            if (outcome.Document is { } document)
            {
                bytes += AnalysisJson.DocumentJson(document).Length;
            }
        }

        GC.KeepAlive(bytes);
        return Stopwatch.GetElapsedTime(t).TotalSeconds;
    }

    /// <summary>
    /// One timed pass of the stages, block by block: each block is cleaned, then each annotator runs over it, then it is
    /// written as JSON. The stage times add up over the blocks; memory holds one block's layers, not the corpus'.
    /// Also returns the size of the cleaned texts (UTF-8 bytes).
    /// </summary>
    private static (StageTimes Times, long CleanBytes) Round(List<RawArticle> articles, CleanerContext context, DocumentAnalyzer analyzer, IReadOnlyList<IAnnotator> annotators)
    {
        var times = new StageTimes(annotators.Count);
        var cleanBytes = 0L;
        var docs = new List<Document>(BlockSize);
        long bytes = 0;
        for (var start = 0; start < articles.Count; start += BlockSize)
        {
            docs.Clear();
            var t0 = Stopwatch.GetTimestamp();
            for (var k = start; k < Math.Min(start + BlockSize, articles.Count); k++)
            {
                var cleaned = analyzer.Cleaner.Clean(articles[k], context);
                var document = cleaned.ToDocument();
                document.Language = LanguageDetector.Detect(document.Text);
                docs.Add(document);
            }

            times.Clean += Stopwatch.GetElapsedTime(t0).TotalSeconds;
            for (var i = 0; i < annotators.Count; i++)
            {
                var ts = Stopwatch.GetTimestamp();
                foreach (var document in docs)
                {
                    if (document.Language == "ar")
                    {
                        annotators[i].Annotate(document);
                    }
                }

                times.Annotators[i] += Stopwatch.GetElapsedTime(ts).TotalSeconds;
            }

            var tj = Stopwatch.GetTimestamp();
            foreach (var document in docs)
            {
                bytes += AnalysisJson.DocumentJson(document).Length;
            }

            times.Json += Stopwatch.GetElapsedTime(tj).TotalSeconds;
            cleanBytes += docs.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text));
        }

        GC.KeepAlive(bytes);
        return (times, cleanBytes);
    }

    /// <summary>
    /// The Lucene pass over the cleaned texts, cleaned again block by block (untimed) rather than kept, so memory holds
    /// one block's texts.
    /// </summary>
    private static double TimeLucene(List<RawArticle> articles, CleanerContext context, DocumentAnalyzer marsad, int rounds)
    {
        using var analyzer = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        var best = double.MaxValue;

        // Lucene's pass is cheap: it always gets its warm-up round.
        for (var round = 0; round <= rounds; round++)
        {
            var s = 0.0;
            long tokens = 0;
            for (var start = 0; start < articles.Count; start += BlockSize)
            {
                var texts = articles.GetRange(start, Math.Min(BlockSize, articles.Count - start)).Select(a => marsad.Cleaner.Clean(a, context).Text).ToList();
                var t = Stopwatch.GetTimestamp();
                foreach (var text in texts)
                {
                    using var stream = analyzer.GetTokenStream("text", text);
                    var term = stream.AddAttribute<ICharTermAttribute>();
                    stream.Reset();
                    while (stream.IncrementToken())
                    {
                        tokens += term.Length > 0 ? 1 : 0;
                    }

                    stream.End();
                }

                s += Stopwatch.GetElapsedTime(t).TotalSeconds;
            }

            if (round > 0)
            {
                best = Math.Min(best, s);
            }

            GC.KeepAlive(tokens);
        }

        return best;
    }

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>Megabytes of UTF-8 text.</summary>
    private static double Mb(long utf8Bytes) => utf8Bytes / (1024.0 * 1024);

    private static string Rate(double amount, double seconds, string format = "N0") =>
        seconds > 0 ? (amount / seconds).ToString(format) : "-";

    private sealed class StageTimes(int annotators)
    {
        public double Clean { get; set; }

        public double[] Annotators { get; } = new double[annotators];

        public double Json { get; set; }

        public double Total => Clean + Annotators.Sum() + Json;
    }
}
