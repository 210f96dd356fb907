using System.CommandLine;
using System.Globalization;
using Marsad.Analysis;
using Marsad.Corpus;
using Marsad.Evaluation;
using Marsad.Ingest;
using Marsad.Model;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval-dating INPUT... [--limit N]</c>: analyzes articles that carry a publication date in their metadata,
/// groups them into stories, and measures how well story dating would date each of them were it undated
/// (<see cref="StoryDatingEvaluator"/>); prints one row per metric.
/// </summary>
public static class EvalDatingCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "articles with a date in their metadata (files or folders; e.g. the ANT corpus)", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "read at most this many articles", DefaultValueFactory = _ => 5000 };
        var command = new Command("eval-dating", "Measure story dating against metadata dates: the story's most common date, read in the weekdays, and the nearest sibling's date read in the weekdays") { inputs, limit };
        command.SetAction(parse =>
        {
            var articles = new List<RawArticle>();
            var skipped = 0;
            ReadError? firstError = null;
            foreach (var outcome in ArticleReader.ReadAll(parse.GetValue(inputs)!))
            {
                if (outcome.Article is { } article)
                {
                    articles.Add(article);
                    if (articles.Count >= parse.GetValue(limit))
                    {
                        break;
                    }
                }
                else if (outcome.Error is { } error)
                {
                    skipped++;
                    firstError ??= error;
                }
            }

            if (firstError is not null)
            {
                Console.Error.WriteLine($"eval-dating: {skipped} unreadable article(s) skipped, the first: {firstError}");
            }

            if (articles.Count == 0)
            {
                throw new UsageException("eval-dating: no readable articles in the input");
            }

            var documents = DocumentAnalyzer.Default.AnalyzeAll(articles).Select(o => o.Document).OfType<Document>().ToList();
            var corpus = CorpusAnalyzer.Default;
            var stories = StoryClusterer.Cluster(documents.Where(d => d.Has(Layers.Tokens)), corpus.StoryOptions, corpus.Features, corpus.Dates);
            Console.WriteLine($"{documents.Count:N0} documents, {stories.Count(s => s.Documents.Count > 1):N0} stories of two or more");
            foreach (var metric in StoryDatingEvaluator.Evaluate(stories, documents))
            {
                Console.WriteLine($"{metric.Name,-34} {metric.Value.ToString(metric.Value % 1 == 0 ? "0" : "0.000", CultureInfo.InvariantCulture)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
