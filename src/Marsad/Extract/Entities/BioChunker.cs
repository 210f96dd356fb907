namespace Marsad.Extract.Entities;

/// <summary>
/// Reads entity chunks from B-/I-/O tags the way conlleval does: a chunk starts at B-X, or at I-X after a tag of
/// another type or after O; it ends before O, B-, or a tag of another type. Tags without a prefix count as I-.
/// </summary>
public static class BioChunker
{
    public static List<EntityMention> Chunks(IReadOnlyList<string> tags)
    {
        var result = new List<EntityMention>();
        var start = -1;
        var type = string.Empty;
        for (var i = 0; i <= tags.Count; i++)
        {
            var (prefix, t) = i < tags.Count ? Parse(tags[i]) : ('O', string.Empty);
            var begins = prefix == 'B' || (prefix == 'I' && (start < 0 || t != type));
            if (start >= 0 && (prefix == 'O' || begins))
            {
                result.Add(new EntityMention(start, i, type));
                start = -1;
            }

            if (begins)
            {
                start = i;
                type = t;
            }
        }

        return result;
    }

    /// <summary>The prefix (B, I or O) and type of a tag; "O" and "" give ('O', "").</summary>
    public static (char Prefix, string Type) Parse(string tag)
    {
        if (tag.Length == 0 || tag == "O")
        {
            return ('O', string.Empty);
        }

        if (tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I' or 'E' or 'S')
        {
            return (tag[0] is 'B' or 'S' ? 'B' : 'I', tag[2..]);
        }

        return ('I', tag);
    }
}
