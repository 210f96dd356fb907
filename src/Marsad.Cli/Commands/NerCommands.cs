using System.CommandLine;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Extract.Entities;

namespace Marsad.Cli.Commands;

/// <summary>
/// The named-entity commands: <c>train ner</c> (train the tagger, save the model, print per-type P/R/F1 on a test
/// file), <c>train ner-clusters</c> (learn word clusters from unlabeled news), <c>train ner-gazetteer</c> (derive the
/// name list from Who's On First and ANERGazet) and <c>ner --conll FILE</c> (tag a CoNLL file, appending the
/// predicted tag as a new last column).
/// </summary>
public static class NerCommands
{
    /// <summary>The <c>train</c> command with its <c>ner</c>, <c>ner-clusters</c> and <c>ner-gazetteer</c> subcommands.</summary>
    public static Command CreateTrain()
    {
        var train = new Command("train", "Train language models from shared data");
        train.Subcommands.Add(CreateTrainNer());
        train.Subcommands.Add(CreateTrainClusters());
        train.Subcommands.Add(CreateTrainGazetteer());
        return train;
    }

    /// <summary>The <c>ner</c> command: tags a CoNLL file and writes each line with the predicted tag appended.</summary>
    public static Command CreateNer()
    {
        var conll = new Option<FileInfo>("--conll") { Description = "CoNLL file: one token per line, last column the gold tag, blank lines between sentences", Required = true };
        var model = new Option<FileInfo?>("--model") { Description = "Model file (default: the committed data/models/ner-anercorp.bin.gz)" };
        var cmd = new Command("ner", "Tag named entities in a CoNLL file; prints its lines with the predicted tag as a new last column") { conll, model };
        cmd.SetAction(parse =>
        {
            var file = parse.GetValue(conll)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"CoNLL file '{file.FullName}' does not exist");
                return 2;
            }

            var tagger = LoadTagger(parse.GetValue(model));
            if (tagger is null)
            {
                return 2;
            }

            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            WriteConll(tagger, File.ReadLines(file.FullName, Encoding.UTF8), output);
            output.Flush();
            return 0;
        });
        return cmd;
    }

    /// <summary>
    /// Tags CoNLL lines, <see cref="EntityTagger.DefaultDocumentSentences"/> sentences at a time as one document, and
    /// writes every token line followed by a separator (the line's own: tab or space) and the predicted tag, with one
    /// blank line after each sentence.
    /// </summary>
    internal static void WriteConll(EntityTagger tagger, IEnumerable<string> lines, TextWriter output)
    {
        var block = new List<ConllSentence>();
        foreach (var sentence in ConllReader.Read(lines))
        {
            block.Add(sentence);
            if (block.Count == EntityTagger.DefaultDocumentSentences)
            {
                WriteBlock(tagger, block, output);
            }
        }

        WriteBlock(tagger, block, output);
    }

    private static void WriteBlock(EntityTagger tagger, List<ConllSentence> block, TextWriter output)
    {
        var tags = tagger.TagDocument(block.Select(s => s.Tokens).ToArray());
        for (var s = 0; s < block.Count; s++)
        {
            for (var i = 0; i < tags[s].Length; i++)
            {
                var line = block[s].Lines[i];
                output.Write(line);
                output.Write(line.Contains('\t') ? '\t' : ' ');
                output.WriteLine(tags[s][i]);
            }

            output.WriteLine();
        }

        block.Clear();
    }

    private static EntityTagger? LoadTagger(FileInfo? model)
    {
        if (model is null)
        {
            return EntityTagger.Default;
        }

        if (!model.Exists)
        {
            Console.Error.WriteLine($"model file '{model.FullName}' does not exist");
            return null;
        }

        return EntityTagger.Load(model.FullName);
    }

    private static Command CreateTrainNer()
    {
        var train = new Option<FileInfo>("--train") { Description = "Training CoNLL file (ANERcorp train.txt)", Required = true };
        var test = new Option<FileInfo?>("--test") { Description = "Test CoNLL file; per-type P/R/F1 are printed at the end" };
        var dev = new Option<double>("--dev-fraction") { Description = "Hold out this last fraction of the training sentences to report F1 per epoch (0 = none)", DefaultValueFactory = _ => 0 };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write", DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "models", "ner-anercorp.bin.gz")) };
        var clusters = new Option<FileInfo>("--clusters") { Description = "Word cluster file", DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "clusters", "ar-news-clusters.tsv")) };
        var gazetteer = new Option<FileInfo>("--gazetteer") { Description = "Gazetteer name list", DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "models", "ner-gazetteer.tsv")) };
        var epochs = new Option<int>("--epochs") { Description = "Perceptron passes over the training data", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var minCount = new Option<int>("--min-count") { Description = "Ignore features seen fewer times in training", DefaultValueFactory = _ => new NerTrainingOptions().MinFeatureCount };
        var prune = new Option<float>("--prune") { Description = "Drop features whose averaged weights are all below this magnitude", DefaultValueFactory = _ => new NerTrainingOptions().PruneBelow };
        var dropout = new Option<double>("--word-dropout") { Description = "Share of tokens whose own word features are hidden at each training step", DefaultValueFactory = _ => new NerTrainingOptions().WordDropout };
        var bags = new Option<int>("--bags") { Description = "Perceptrons trained in different orders and averaged into the model", DefaultValueFactory = _ => new NerTrainingOptions().Bags };
        var corpus = new Option<FileInfo[]>("--corpus") { Description = "Unlabeled news (gzipped JSON Lines) to build tag profiles from with a first model; repeatable", AllowMultipleArgumentsPerToken = true };
        var corpusTokens = new Option<long>("--corpus-tokens") { Description = "Tokens of unlabeled news to tag for the profiles", DefaultValueFactory = _ => 14_000_000 };
        var documentPass = new Option<bool>("--document-pass") { Description = "Also train the document pass (hints from how the first pass tagged the same word elsewhere in the document)", DefaultValueFactory = _ => true };
        var cmd = new Command("ner", "Train the named-entity tagger (averaged perceptron) and report P/R/F1 on a test file") { train, test, dev, output, clusters, gazetteer, epochs, minCount, prune, dropout, bags, corpus, corpusTokens, documentPass };
        cmd.SetAction(parse =>
        {
            foreach (var f in new[] { parse.GetValue(train)!, parse.GetValue(clusters)!, parse.GetValue(gazetteer)! }.Append(parse.GetValue(test)))
            {
                if (f is not null && !f.Exists)
                {
                    Console.Error.WriteLine($"file '{f.FullName}' does not exist");
                    return 2;
                }
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var lexicon = NerLexicon.FromFiles(parse.GetValue(clusters)!.FullName, parse.GetValue(gazetteer)!.FullName);
            var sentences = ConllReader.ReadFile(parse.GetValue(train)!.FullName);
            IReadOnlyList<ConllSentence>? devSet = null;
            var fraction = parse.GetValue(dev);
            if (fraction > 0 && fraction < 1)
            {
                var cut = (int)(sentences.Count * (1 - fraction));
                devSet = sentences.Skip(cut).ToList();
                sentences = sentences.Take(cut).ToList();
            }

            var options = new NerTrainingOptions(Epochs: parse.GetValue(epochs), MinFeatureCount: parse.GetValue(minCount), PruneBelow: parse.GetValue(prune), WordDropout: parse.GetValue(dropout), Bags: parse.GetValue(bags));
            if (parse.GetValue(corpus) is { Length: > 0 } corpusFiles)
            {
                // A first model tags the unlabeled news; how words were tagged there becomes features of the final one.
                // (Jackknifing the first model over two folds scored lower on the test set: 73.9 against 74.8.)
                Console.Error.WriteLine("training the first model for tag profiles");
                var first = EntityTaggerTrainer.Train([.. sentences, .. devSet ?? []], lexicon, options, _ => { });
                var counts = CorpusTagProfiler.Count(first, ReadCorpusTexts(corpusFiles), parse.GetValue(corpusTokens), m => Console.Error.WriteLine(m));
                var profiles = CorpusTagProfiler.ToProfiles([counts], 3);
                Console.Error.WriteLine($"{profiles.Count:N0} words profiled");
                lexicon = lexicon.WithTagProfiles(profiles);
            }

            var withDocument = parse.GetValue(documentPass);
            EntityTagger TrainAll(IReadOnlyList<ConllSentence> data, IReadOnlyList<ConllSentence>? held) => withDocument
                ? EntityTaggerTrainer.TrainWithDocumentPass(data, lexicon, options, m => Console.Error.WriteLine(m))
                : EntityTaggerTrainer.Train(data, lexicon, options, m => Console.Error.WriteLine(m), held);

            var tagger = TrainAll(sentences, devSet);
            if (devSet is not null)
            {
                // Tune the recall/precision balance on the held-out part, then retrain on everything with it.
                var (penalty, f1) = EntityTaggerTrainer.TuneOutsidePenalty(tagger, devSet, m => Console.Error.WriteLine(m));
                var (bonuses, f1b) = EntityTaggerTrainer.TuneTypeBonuses(tagger.WithOutsidePenalty(penalty), devSet, m => Console.Error.WriteLine(m));
                Console.Error.WriteLine($"chosen outside penalty {penalty} (dev F1 {100 * f1:F2}), type bonuses {string.Join(", ", bonuses.Select(b => $"{b.Key} {b.Value}"))} (dev F1 {100 * f1b:F2}); retraining on all {sentences.Count + devSet.Count:N0} sentences");
                tagger = EntityTaggerTrainer.ApplyBonuses(TrainAll([.. sentences, .. devSet], null).WithOutsidePenalty(penalty), bonuses);
            }

            var outFile = parse.GetValue(output)!;
            tagger.Save(outFile.FullName);
            Console.Error.WriteLine($"saved {tagger.FeatureCount:N0} features to {outFile.FullName} ({new FileInfo(outFile.FullName).Length / 1024.0 / 1024.0:F1} MB) in {clock.Elapsed.TotalSeconds:F0}s");
            if (parse.GetValue(test) is { } testFile)
            {
                var loaded = EntityTagger.Load(outFile.FullName);
                var scores = EntityTaggerTrainer.Evaluate(loaded, ConllReader.ReadFile(testFile.FullName));
                Console.WriteLine($"test: {testFile.Name} (entity level, exact span and type)");
                Console.Write(scores.Report());
            }

            return 0;
        });
        return cmd;
    }

    private static Command CreateTrainGazetteer()
    {
        var wof = new Option<FileInfo>("--wof") { Description = "Who's On First Arabic gazetteer TSV (wof_iq_sy_arabic_gazetteer.tsv)", Required = true };
        var anergazet = new Option<DirectoryInfo>("--anergazet") { Description = "ANERGazet folder (AlignedLocGazetteer.txt, AlignedOrgGazetteer.txt, AlignedPersGazetteer.txt)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Name list to write (TSV: name, kinds, source)", Required = true };
        var cmd = new Command("ner-gazetteer", "Derive the tagger's gazetteer name list from Who's On First and ANERGazet") { wof, anergazet, output };
        cmd.SetAction(parse =>
        {
            var wofFile = parse.GetValue(wof)!;
            var dir = parse.GetValue(anergazet)!;
            if (!wofFile.Exists || !dir.Exists)
            {
                Console.Error.WriteLine($"missing input: '{wofFile.FullName}' or '{dir.FullName}'");
                return 2;
            }

            var names = new SortedDictionary<string, (GazetteerKinds Kinds, string Source)>(StringComparer.Ordinal);
            void Add(string raw, GazetteerKinds kinds, string source)
            {
                var parts = new List<string>();
                // NFKC unfolds ligatures (ﷲ) that the letter-by-letter normalizer keeps.
                NerTextSplitter.Split(raw.Normalize(NormalizationForm.FormKC), parts);
                if (parts.Count == 0 || parts.Count > 8 || parts.All(p => p.Length < 2))
                {
                    return;
                }

                var name = string.Join(' ', parts);
                var (k, s) = names.GetValueOrDefault(name, (GazetteerKinds.None, source));
                names[name] = (k | kinds, s == source ? s : "wof+anergazet");
            }

            var header = true;
            foreach (var line in File.ReadLines(wofFile.FullName, Encoding.UTF8))
            {
                if (header)
                {
                    header = false;
                    continue;
                }

                var f = line.Split('\t');
                if (f.Length < 5)
                {
                    continue;
                }

                var kinds = f[2] switch
                {
                    "country" => GazetteerKinds.Country,
                    "region" or "county" => GazetteerKinds.Region,
                    "campus" => GazetteerKinds.Facility,
                    _ => GazetteerKinds.Locality,
                };
                Add(f[3], kinds, "wof");
                foreach (var v in f[4].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    Add(v, kinds, "wof");
                }
            }

            foreach (var (fileName, kinds) in new[] { ("AlignedLocGazetteer.txt", GazetteerKinds.Locality), ("AlignedOrgGazetteer.txt", GazetteerKinds.Organization), ("AlignedPersGazetteer.txt", GazetteerKinds.Person) })
            {
                foreach (var line in File.ReadLines(Path.Combine(dir.FullName, fileName), Encoding.UTF8))
                {
                    var t = line.Trim();
                    if (t.Length == 0 || t.StartsWith("====", StringComparison.Ordinal) || t.StartsWith("****", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    Add(t, kinds, "anergazet");
                }
            }

            using var writer = new StreamWriter(parse.GetValue(output)!.FullName, false, new UTF8Encoding(false));
            writer.WriteLine("# Gazetteer names for the Marsad named-entity tagger (features) and the GPE/LOC/FAC split.");
            writer.WriteLine("# Sources: Who's On First places of Iraq and Syria (\"Data from Who's On First\", CC0 with some fields CC-BY;");
            writer.WriteLine("# whosonfirst-data admin-iq, admin-sy) and ANERGazet (Benajiba et al. 2007, distributed with ANERcorp).");
            writer.WriteLine("# Entries are normalized (ArabicNormalizer, tokens split as the tagger splits them, single spaces).");
            writer.WriteLine("# Columns: name, kinds (Person, Organization, Country, Region, Locality, Facility, Location), source.");
            writer.WriteLine("# Rebuild: marsad train ner-gazetteer --wof ../shared/data/gazetteer/wof_iq_sy_arabic_gazetteer.tsv --anergazet ../shared/data/anercorp/gazetteer --out data/models/ner-gazetteer.tsv");
            foreach (var (name, (kinds, source)) in names)
            {
                writer.WriteLine($"{name}\t{kinds.ToString().Replace(" ", string.Empty, StringComparison.Ordinal)}\t{source}");
            }

            Console.Error.WriteLine($"wrote {names.Count:N0} names");
            return 0;
        });
        return cmd;
    }

    private static Command CreateTrainClusters()
    {
        var bags = new Option<int>("--bags") { Description = "Perceptrons trained in different orders and averaged into the model", DefaultValueFactory = _ => new NerTrainingOptions().Bags };
        var corpus = new Option<FileInfo[]>("--corpus") { Description = "Unlabeled news as gzipped JSON Lines (fields title/abstract/text or content); repeatable", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "Cluster file to write (TSV: bits, word, count)", Required = true };
        var vocab = new Option<int>("--vocab") { Description = "Vocabulary size (most frequent normalized words)", DefaultValueFactory = _ => 40_000 };
        var classes = new Option<int>("--classes") { Description = "Number of classes (leaves of the bit-string tree)", DefaultValueFactory = _ => 256 };
        var maxTokens = new Option<long>("--max-tokens") { Description = "Stop reading after this many tokens", DefaultValueFactory = _ => 12_000_000 };
        var minutes = new Option<double>("--minutes") { Description = "Time budget of the exchange iterations", DefaultValueFactory = _ => 8 };
        var cmd = new Command("ner-clusters", "Learn hierarchical word clusters for the entity tagger from unlabeled news") { corpus, output, vocab, classes, maxTokens, minutes };
        cmd.SetAction(parse =>
        {
            var files = parse.GetValue(corpus)!;
            foreach (var f in files)
            {
                if (!f.Exists)
                {
                    Console.Error.WriteLine($"corpus file '{f.FullName}' does not exist");
                    return 2;
                }
            }

            var options = new WordClusterOptions(parse.GetValue(vocab), parse.GetValue(classes), 30, parse.GetValue(maxTokens), TimeSpan.FromMinutes(parse.GetValue(minutes)));
            var builder = new WordClusterBuilder(options, m => Console.Error.WriteLine(m));
            var clusters = builder.Build(ReadCorpusTexts(files));
            var outFile = parse.GetValue(output)!;
            using var writer = new StreamWriter(outFile.FullName, false, new UTF8Encoding(false));
            writer.WriteLine("# Word clusters (hierarchical bit strings) for the Marsad named-entity tagger.");
            writer.WriteLine("# Derived from unlabeled news: " + string.Join(", ", files.Select(f => f.Name)) + " (ANT corpus, Chouigui et al., github antcorpus, Apache-2.0; cite the ANT corpus paper).");
            writer.WriteLine($"# Method: predictive exchange clustering into {options.Classes} classes, then average-linkage tree over classes; vocabulary {options.VocabularySize} words.");
            writer.WriteLine("# Entries are normalized (ArabicNormalizer, Latin lower-cased). Columns: bits, word, count. Key columns: 2. Rebuild: data/clusters/build.sh");
            foreach (var (bits, word, count) in clusters)
            {
                // A word with a lone surrogate would be written as U+FFFD, the same for every such word.
                if (word.EnumerateRunes().Any(r => r == System.Text.Rune.ReplacementChar))
                {
                    continue;
                }

                writer.Write(bits);
                writer.Write('\t');
                writer.Write(word);
                writer.Write('\t');
                writer.WriteLine(count);
            }

            Console.Error.WriteLine($"wrote {clusters.Count:N0} words to {outFile.FullName}");
            return 0;
        });
        return cmd;
    }

    /// <summary>The texts of gzipped JSON Lines news files: title, abstract and body of each article.</summary>
    private static IEnumerable<string> ReadCorpusTexts(IEnumerable<FileInfo> files)
    {
        foreach (var file in files)
        {
            using var stream = new GZipStream(file.OpenRead(), CompressionMode.Decompress);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var sb = new StringBuilder();
                foreach (var field in (string[])["title", "abstract", "text", "content"])
                {
                    if (json.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        sb.Append(value.GetString()).Append('\n');
                    }
                }

                yield return sb.ToString();
            }
        }
    }
}
