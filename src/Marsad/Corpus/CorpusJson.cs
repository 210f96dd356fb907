using System.Globalization;
using System.Text.Json;
using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>Writes the corpus-level sections of the <c>marsad.analysis/1</c> contract: stories, duplicates, discrepancies.</summary>
public static class CorpusJson
{
    public static void WriteStories(Utf8JsonWriter w, IEnumerable<Story> stories)
    {
        w.WriteStartArray();
        foreach (var s in stories)
        {
            WriteStory(w, s);
        }

        w.WriteEndArray();
    }

    public static void WriteStory(Utf8JsonWriter w, Story s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("title", s.Title);
        w.WriteStartArray("documents");
        foreach (var d in s.Documents)
        {
            w.WriteStringValue(d);
        }

        w.WriteEndArray();
        WriteDate(w, "first", s.First);
        WriteDate(w, "last", s.Last);
        w.WriteEndObject();
    }

    public static void WriteDuplicates(Utf8JsonWriter w, IEnumerable<DuplicatePair> pairs)
    {
        w.WriteStartArray();
        foreach (var p in pairs)
        {
            w.WriteStartObject();
            w.WriteString("a", p.A);
            w.WriteString("b", p.B);
            w.WriteNumber("similarity", Math.Round(p.Similarity, 2));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteDiscrepancies(Utf8JsonWriter w, IEnumerable<Discrepancy> discrepancies)
    {
        w.WriteStartArray();
        foreach (var d in discrepancies)
        {
            w.WriteStartObject();
            w.WriteString("kind", d.Kind);
            w.WriteString("subject", d.Subject);
            w.WriteStartArray("claims");
            foreach (var c in d.Claims)
            {
                w.WriteStartObject();
                w.WriteString("doc", c.Doc);
                w.WriteString("text", c.Text);
                w.WriteString("value", c.Value);
                w.WriteNumber("start", c.Span.Start);
                w.WriteNumber("end", c.Span.End);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes an ISO date, or null.</summary>
    public static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
