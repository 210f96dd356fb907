namespace Marsad.Extract.Entities;

/// <summary>
/// Converts between BIO tags (what corpora and the tagger's callers use) and BIOES tags (what the model learns:
/// E- marks the last token of a chunk of two or more, S- a chunk of one token), which lets the model learn how names
/// end as well as how they begin. Chunks follow <see cref="BioChunker"/>.
/// </summary>
public static class TagScheme
{
    public static string[] ToBioes(IReadOnlyList<string> bio)
    {
        var result = new string[bio.Count];
        Array.Fill(result, "O");
        foreach (var m in BioChunker.Chunks(bio))
        {
            if (m.End - m.Start == 1)
            {
                result[m.Start] = "S-" + m.Type;
                continue;
            }

            result[m.Start] = "B-" + m.Type;
            for (var i = m.Start + 1; i < m.End - 1; i++)
            {
                result[i] = "I-" + m.Type;
            }

            result[m.End - 1] = "E-" + m.Type;
        }

        return result;
    }

    /// <summary>The BIO form of a tag: S- becomes B-, E- becomes I-.</summary>
    public static string ToBio(string tag) => tag.Length > 2 && tag[1] == '-'
        ? tag[0] switch
        {
            'S' => "B-" + tag[2..],
            'E' => "I-" + tag[2..],
            _ => tag,
        }
        : tag;
}
