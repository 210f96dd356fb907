using Marsad.Knowledge;
using Marsad.Storage.Knowledge;
using Marsad.Web.Tests.Support;
using Marsad.Web.Views;

namespace Marsad.Web.Tests;

/// <summary>The mapping of stored records to the API's views, over a document and an event written here.</summary>
public sealed class ViewMappingTests
{
    private const string Text = "عقد الوزراء اجتماعًا في بغداد يوم الأحد.\nوقال المتحدث إن هجومًا بطائرة مسيّرة استهدف قاعدة قرب أربيل صباح اليوم. ثم غادر الوفد المدينة.";

    private static readonly int Start = Text.IndexOf("هجومًا", StringComparison.Ordinal);

    private static readonly int End = Start + "هجومًا".Length;

    [Fact]
    public void EventIsNamedPlacedAndQuotedWithItsSentence()
    {
        var cache = new ReadCache(Reader());
        var e = EventViews.Of(cache.Reader.Event("v1")!, cache);
        Assert.Equal("attack", e.Type);
        Assert.Equal("أربيل", e.Place!.Name);
        Assert.Equal(36.19, e.Place.Lat);
        Assert.Equal(["s1"], e.Stories);
        Assert.Equal(2, e.MentionCount);

        var quote = e.Mentions[0];
        Assert.Equal("هجومًا", quote.Text);
        Assert.Equal(Text[quote.SentenceStart..(quote.SentenceStart + quote.Sentence.Length)], quote.Sentence);
        Assert.Contains("أربيل", quote.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("اجتماعًا", quote.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("غادر", quote.Sentence, StringComparison.Ordinal);

        Assert.Equal("event", EventViews.Timeline(e).Kind);
        Assert.Equal("أربيل", EventViews.Marker(e)!.Label);
    }

    [Fact]
    public void DocumentHighlightsItsAnnotationsAndItsStorysEvents()
    {
        var cache = new ReadCache(Reader());
        var detail = DocumentViews.Detail(cache.Document("d1", "s1")!, cache);
        Assert.Contains(detail.Annotations, h => h.Kind == "event" && h.Start == Start && h.End == End && h.Ref == "v1");
        Assert.Contains(detail.Annotations, h => h.Kind == "entity-GPE" && h.Label == "أربيل" && h.Ref == "loc-erbil");

        // Spans outside the text are dropped, never served.
        Assert.All(detail.Annotations, h => Assert.InRange(h.End, h.Start + 1, Text.Length));
    }

    [Fact]
    public void StoryPageReadsItsSourcesEventsAndDiscrepancyMarks()
    {
        var cache = new ReadCache(Reader());
        var story = StoryViews.Detail(cache.Reader.Story("s1")!, cache);
        var source = Assert.Single(story.Sources);
        Assert.Contains(source.Highlights, h => h.Kind == "discrepancy-quantity" && Text[h.Start..h.End] == "قاعدة");
        Assert.Single(story.Events);
        Assert.Contains(story.Timeline, t => t.Kind == "document" && t.Doc == "d1");
        Assert.Null(story.MoreEvents);
    }

    [Fact]
    public void APageOfEventsOrDiscrepanciesReadsWhatItNamesOnceAndNoContractJson()
    {
        var reader = new CountingKnowledgeReader(Reader());
        var cache = new ReadCache(reader);
        var events = cache.Reader.Events(new KnowledgeQuery());
        var views = EventViews.Of([.. events.Items, .. events.Items, .. events.Items], cache);
        Assert.Equal(3, views.Count);
        Assert.All(views, v => Assert.Equal("هجومًا", Assert.Single(v.Mentions).Text));
        var discrepancies = DiscrepancyViews.Of(cache.Reader.Discrepancies(new KnowledgeQuery()).Items, cache);
        Assert.Equal("وكالة", Assert.Single(Assert.Single(discrepancies).Claims).Outlet);

        // One read of the quoted texts and one of the named entities for the page; the unknown document "gone" is asked
        // for with the others, once, and no document's contract JSON is read to quote it.
        Assert.Equal((1, 1, 0, 0), (reader.Count("DocumentTexts"), reader.Count("EntityRows"), reader.Count("Entity"), reader.Count("DocumentJson")));
        Assert.Equal(0, reader.Count("DocumentRows"));
    }

    [Fact]
    public void EntityPageQuotesItsMentionsFromThePagesTexts()
    {
        var reader = new CountingKnowledgeReader(Reader());
        var cache = new ReadCache(reader);
        var detail = EntityMentions.Detail(cache.Entity("loc-erbil")!, cache, null, 20);
        var quote = Assert.Single(detail.Mentions, q => q.Text == "أربيل");
        Assert.Equal("وكالة", quote.Outlet);
        Assert.Equal(1, reader.Count("DocumentTexts"));
    }

    private static InMemoryKnowledgeReader Reader()
    {
        var doc = System.Text.Json.JsonSerializer.Serialize(new
        {
            id = "d1",
            title = "هجوم قرب أربيل",
            outlet = "وكالة",
            published = "2024-01-24",
            publishedFrom = "metadata",
            text = Text,
            entities = new object[]
            {
                new { text = "أربيل", start = Text.IndexOf("أربيل", StringComparison.Ordinal), end = Text.IndexOf("أربيل", StringComparison.Ordinal) + 5, type = "GPE", @ref = "loc-erbil" },
                new { text = "خارج", start = Text.Length, end = Text.Length + 4, type = "GPE", @ref = "loc-erbil" },
            },
        });
        var ev = $$"""{"id":"v1","type":"attack","date":"2024-01-24","actors":[],"targets":[],"place":"loc-erbil","mentions":[{"doc":"d1","start":{{Start}},"end":{{End}}},{"doc":"gone","start":0,"end":1}]}""";
        var claim = Text.IndexOf("قاعدة", StringComparison.Ordinal);
        return new InMemoryKnowledgeReader(new KnowledgeRecords
        {
            Documents = [new StoredKnowledgeDocument(new DocumentRow("d1", "هجوم قرب أربيل", "وكالة", "2024-01-24", "metadata", "s1", null, Text.Length), doc)],
            Stories = [new StoryRecord("s1", "هجوم قرب أربيل", "2024-01-24", "2024-01-24", 1, 1, 1, 1, "", """{"id":"s1"}""")],
            Events = [new EventRecord("v1", "s1", "attack", "2024-01-24", "2024-01-24", "IQ", "loc-erbil", 36.19, 44.01, null, [], ["d1"], ["وكالة"], ev, "{}")],
            Entities = [new EntityRecord("loc-erbil", "GPE", "أربيل", "IQ", """{"id":"loc-erbil","lat":36.19,"lon":44.01}""")],
            Mentions = [new EntityMentionCount("loc-erbil", "d1", 1)],
            Discrepancies = [new DiscrepancyRecord("x1", "s1", "quantity", $$"""{"kind":"quantity","subject":"القاعدة","claims":[{"doc":"d1","text":"قاعدة","value":"1","start":{{claim}},"end":{{claim + 5}}}]}""")],
        });
    }
}
