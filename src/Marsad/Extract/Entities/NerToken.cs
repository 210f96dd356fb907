namespace Marsad.Extract.Entities;

/// <summary>
/// What the entity tagger's features read of one token: its normalized form without glued punctuation, its stem,
/// cluster bits, shape, gazetteer kinds and tag profile. Everything but the phrase fields depends on the token's
/// text alone, so it can be computed once per distinct word; the phrase fields are set per sentence.
/// </summary>
internal struct NerToken
{
    public string Norm;
    public string Stem;
    public int ProcliticLength;
    public bool Article;
    public string? Cluster;
    public bool StemCluster;
    public uint Shape;
    public uint Punct;
    public GazetteerKinds Kinds;
    public string[] Profile;
    public ulong NormHash;
    public ulong LookupHash;
    public GazetteerKinds PhraseKinds;
    public char PhrasePosition;

    // Hashes of the token's half of the features that read two tokens, named by the token's role in them; the other
    // half is mixed in per position (see NerFeatureExtractor.EmitPairs).
    public ulong AsPrevBigram;
    public ulong AsPrevStemBigram;
    public ulong AsPrevShapeWord;
    public ulong AsPrevWordCluster;
    public ulong AsPrevClusterPrevOwn;
    public ulong AsPrevClusterBigram;
    public ulong AsPrevAround;
    public ulong AsPrev2Context;
    public ulong AsNextContext;
    public ulong AsNextWordCluster;
    public ulong OwnBigramNext;
    public ulong OwnStemBigramNext;
    public ulong OwnClusterOwnNext;
}
