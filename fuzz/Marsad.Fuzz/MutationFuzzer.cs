using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Marsad.Fuzz;

/// <summary>
/// A bounded random-mutation loop, for machines without AFL: starts from the seed files, applies the classic AFL
/// mutations (bit flips, interesting bytes, insertions and deletions, block repeats, splices between seeds, markup and
/// Arabic tokens), and keeps any input that throws or takes longer than <see cref="SlowInput"/> under the findings folder.
/// Seeded, so a run can be replayed.
/// </summary>
public sealed class MutationFuzzer(Action<byte[]> target, IReadOnlyList<byte[]> seeds, string findings, int seed)
{
    public static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(5);

    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "<", ">", "</", "<div>", "<p>", "<script>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#1575;", "&#x", "&", "\"", "{", "}", "[", "]",
            ":", ",", "\n", "\r\n", "\t", "null", "true", "1e999", "\"text\":", "\"published\":", "<pubDate>", "<item>", "<entry>",
            "ال", "و", "في", "يوم", "الأحد", "أمس", "عام", "٢٠٢٤", "2024-13-45", "1446هـ", "مليون", "ألف", "٪", "ـــ", "\u200F", "\uFEFF",
            "\u064E\u0651", "ﻻ", "؟", "،", ".", "...", "«", "»",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0x00], [0xC3], [0xE2, 0x80],
    ];

    private readonly Random _random = new(seed);

    public int Executions { get; private set; }

    public int Crashes { get; private set; }

    public void Run(TimeSpan duration)
    {
        Directory.CreateDirectory(findings);
        var corpus = seeds.Count > 0 ? seeds.ToList() : [[]];
        var watch = Stopwatch.StartNew();
        foreach (var input in corpus.ToList())
        {
            Execute(input);
        }

        while (watch.Elapsed < duration)
        {
            var input = Mutate(corpus[_random.Next(corpus.Count)], corpus);
            Execute(input);

            // Keep a few mutants as new parents, so mutations stack up over the session.
            if (_random.Next(50) == 0 && corpus.Count < 2000 && input.Length < 1 << 20)
            {
                corpus.Add(input);
            }
        }
    }

    private void Execute(byte[] input)
    {
        Executions++;
        var watch = Stopwatch.StartNew();
        try
        {
            target(input);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Report("crash", input, $"{ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")} at {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            return;
        }

        if (watch.Elapsed > SlowInput)
        {
            // Confirm on a second run: a first call that loads data, or a busy machine, is not a slow input.
            var again = Stopwatch.StartNew();
            try
            {
                target(input);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
            }

            if (again.Elapsed > SlowInput)
            {
                Report("slow", input, $"took {watch.Elapsed.TotalSeconds:F1} s, then {again.Elapsed.TotalSeconds:F1} s");
            }
        }
    }

    private void Report(string kind, byte[] input, string what)
    {
        Crashes++;
        var name = $"{kind}-{Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant()}.bin";
        File.WriteAllBytes(Path.Combine(findings, name), input);
        Console.Error.WriteLine($"fuzz: {kind}: {name} ({input.Length} bytes): {what}");
    }

    private byte[] Mutate(byte[] parent, List<byte[]> corpus)
    {
        var data = new List<byte>(parent);
        var rounds = 1 << _random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            var at = data.Count == 0 ? 0 : _random.Next(data.Count);
            switch (_random.Next(9))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = (byte)(new[] { 0, 0x7F, 0x80, 0xFF, 0x3C, 0x26, 0x0A, 0xD8, 0xD9 })[_random.Next(9)];
                    break;
                case 2:
                    data.InsertRange(at, Tokens[_random.Next(Tokens.Length)]);
                    break;
                case 3 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(16)));
                    break;
                case 4 when data.Count > 0:
                {
                    // Repeat a block: deep nesting and long lines come from here.
                    var length = Math.Min(data.Count - at, 1 + _random.Next(32));
                    var block = data.GetRange(at, length);
                    var times = 1 + _random.Next(_random.Next(10) == 0 ? 5000 : 8);
                    for (var t = 0; t < times; t++)
                    {
                        data.InsertRange(at, block);
                    }

                    break;
                }

                case 5:
                {
                    var other = corpus[_random.Next(corpus.Count)];
                    if (other.Length > 0)
                    {
                        var from = _random.Next(other.Length);
                        data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + _random.Next(256))).ToArray());
                    }

                    break;
                }

                case 6 when data.Count > 1:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 7 when data.Count > 0:
                    data[at] = (byte)_random.Next(256);
                    break;
                default:
                    data.Insert(at, (byte)_random.Next(256));
                    break;
            }
        }

        return data.Count > 4 << 20 ? data.GetRange(0, 4 << 20).ToArray() : data.ToArray();
    }
}
