using System.Text.Json;
using Marsad.Model;

namespace Marsad.Export;

/// <summary>
/// Writes the analysis's top-level <c>events</c>: id, type, cameo, date, actors, targets, place, weapons, killed,
/// injured, the mentions (doc, start, end of the trigger), and how many documents and outlets report the event.
/// </summary>
public static class EventJson
{
    public static void WriteEvents(Utf8JsonWriter w, IEnumerable<CorpusEvent> events)
    {
        w.WriteStartArray();
        foreach (var e in events)
        {
            WriteEvent(w, e);
        }

        w.WriteEndArray();
    }

    public static void WriteEvent(Utf8JsonWriter w, CorpusEvent e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("type", e.Type);
        w.WriteString("cameo", e.Cameo);
        AnalysisJson.WriteNullable(w, "date", e.Date);
        Strings(w, "actors", e.Actors);
        Strings(w, "targets", e.Targets);
        AnalysisJson.WriteNullable(w, "place", e.Place);
        Strings(w, "weapons", e.Weapons);
        Number(w, "killed", e.Killed);
        Number(w, "injured", e.Injured);
        w.WriteStartArray("mentions");
        foreach (var m in e.Mentions)
        {
            w.WriteStartObject();
            w.WriteString("doc", m.Doc);
            w.WriteNumber("start", m.Mention.Trigger.Start);
            w.WriteNumber("end", m.Mention.Trigger.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("documents", e.Documents);
        w.WriteNumber("outlets", e.Outlets);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
