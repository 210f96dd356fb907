using Marsad.Analysis;
using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Web.Tests;

/// <summary>The snapshot over documents written here (short sentences of our own), with an events section plugged in.</summary>
public sealed class CorpusSnapshotTests
{
    private const string Text = "عقد الوزراء اجتماعًا في بغداد يوم الأحد.\nوقال المتحدث إن هجومًا بطائرة مسيّرة استهدف قاعدة قرب أربيل صباح اليوم.";

    [Fact]
    public void EventsSectionReachesEventsTimelineMapAndDocument()
    {
        var snapshot = SnapshotWithOneEvent(out var place, out var mention);
        var e = Assert.Single(snapshot.Events);
        Assert.Equal("attack", e.Type);
        Assert.Equal(place.Ref, e.Place!.Id);
        Assert.NotNull(e.Place.Lat);

        var quote = Assert.Single(e.Mentions);
        Assert.Equal(Text[mention.Start..mention.End], quote.Text);
        Assert.Contains(quote.Text, quote.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("اجتماعًا", quote.Sentence, StringComparison.Ordinal);

        Assert.Contains(snapshot.Timeline, t => t.Kind == "event" && t.Event == e.Id && t.Date == "2024-01-24");
        Assert.Contains(snapshot.Markers, m => m.Kind == "event" && m.Id == e.Id);
        Assert.Contains(snapshot.Document("d1")!.Annotations, h => h.Kind == "event" && h.Start == mention.Start);
        Assert.Contains(e, snapshot.Entity(place.Ref)!.Events);
    }

    [Fact]
    public void EmptyCorpusHasNoEventsOrMarkers()
    {
        var snapshot = new SnapshotLoader().Build([]);
        Assert.Empty(snapshot.Events);
        Assert.Empty(snapshot.Markers);
        Assert.Equal(0, snapshot.Stats.Documents);
    }

    [Fact]
    public void SearchIgnoresHamzaAndTaMarbutaForms()
    {
        var snapshot = new SnapshotLoader().Build([Annotated("d1", Text)]);
        Assert.Single(snapshot.Search("قاعده قرب اربيل", 10));
        Assert.Empty(snapshot.Search("طهران", 10));
    }

    private static CorpusSnapshot SnapshotWithOneEvent(out LinkedMention place, out TextSpan mention)
    {
        var document = Annotated("d1", Text);
        var erbil = Text.IndexOf("أربيل", StringComparison.Ordinal);
        var found = document.Get(EntityLayers.Entities).First(m => m.Mention.Span.Start == erbil && m.Place is not null);
        var attack = Text.IndexOf("هجومًا", StringComparison.Ordinal);
        var span = new TextSpan(attack, attack + "هجومًا".Length);
        place = found;
        mention = span;
        var loader = new SnapshotLoader
        {
            EventsSection = _ => w =>
            {
                w.WriteStartArray();
                w.WriteStartObject();
                w.WriteString("id", "v1");
                w.WriteString("type", "attack");
                w.WriteString("cameo", "190");
                w.WriteString("date", "2024-01-24");
                w.WriteStartArray("actors");
                w.WriteEndArray();
                w.WriteStartArray("targets");
                w.WriteEndArray();
                w.WriteString("place", found.Ref);
                w.WriteStartArray("weapons");
                w.WriteStringValue("drone");
                w.WriteEndArray();
                w.WriteNull("killed");
                w.WriteNull("injured");
                w.WriteStartArray("mentions");
                w.WriteStartObject();
                w.WriteString("doc", "d1");
                w.WriteNumber("start", span.Start);
                w.WriteNumber("end", span.End);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
            },
        };
        return loader.Build([document]);
    }

    private static Document Annotated(string id, string text)
    {
        var d = new Document(id, text) { Title = "اجتماع", Outlet = "صحيفة", Published = new DateOnly(2024, 1, 24), PublishedFrom = PublishedFrom.Metadata };
        DocumentAnalyzer.Default.Pipeline.Run(d);
        return d;
    }
}
