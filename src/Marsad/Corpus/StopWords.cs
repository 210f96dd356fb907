using Marsad.Arabic;

namespace Marsad.Corpus;

/// <summary>The stop words of story terms (<c>data/corpus/stopwords.tsv</c>, normalized), loaded once.</summary>
public static class StopWords
{
    private static readonly Lazy<WordLexicon> DefaultInstance = new(() => WordLexicon.Load(DataFiles.Path("corpus", "stopwords.tsv")));

    public static WordLexicon Default => DefaultInstance.Value;
}
