using Marsad.Extract.Actors;
using Marsad.Model;

namespace Marsad.Tests.Extract.Actors;

/// <summary>Builds the mentions of a test sentence from (text, type) pairs, each taken at its next occurrence.</summary>
internal static class LinkTestText
{
    public static List<EntityMention> Mentions(string text, params (string Text, string Type)[] mentions)
    {
        var list = new List<EntityMention>();
        var from = 0;
        foreach (var (t, type) in mentions)
        {
            var start = text.IndexOf(t, from, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{t}' not found after offset {from}");
            list.Add(new EntityMention(t, new TextSpan(start, start + t.Length), type));
            from = start + t.Length;
        }

        return list;
    }
}
