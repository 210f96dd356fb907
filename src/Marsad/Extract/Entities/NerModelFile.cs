using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace Marsad.Extract.Entities;

/// <summary>
/// Reads and writes the tagger's model file: a gzipped binary with a magic and version, the tag labels, the
/// embedded lexicon (proclitics, clusters, gazetteer names, corpus tag profiles), then for the sentence pass and the
/// optional document pass the transition table, the feature keys and their per-tag weights stored as half-precision
/// floats (enough for an averaged perceptron, and half the size).
/// </summary>
internal static class NerModelFile
{
    private const string Magic = "MARSAD-NER";
    private const int Version = 3;

    public static void Write(string path, EntityTagger tagger)
    {
        var tags = tagger.Tags;
        var lexicon = tagger.Lexicon;
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gzip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Version);
        w.Write(tags.Length);
        foreach (var t in tags)
        {
            w.Write(t);
        }

        w.Write(lexicon.Proclitics.Count);
        foreach (var p in lexicon.Proclitics)
        {
            w.Write(p);
        }

        w.Write(lexicon.ClusterEntries.Count);
        foreach (var (word, bits, count) in lexicon.ClusterEntries)
        {
            w.Write(word);
            w.Write(bits);
            w.Write(count);
        }

        w.Write(lexicon.Names.Count);
        foreach (var (name, kinds) in lexicon.Names)
        {
            w.Write(name);
            w.Write((byte)kinds);
        }

        var profiles = lexicon.TagProfiles;
        w.Write(profiles.Count);
        foreach (var (word, profile) in profiles)
        {
            w.Write(word);
            w.Write(profile);
        }

        WriteWeights(w, tagger);
        w.Write(tagger.DocumentPass is not null);
        if (tagger.DocumentPass is not null)
        {
            WriteWeights(w, tagger.DocumentPass);
        }
    }

    private static void WriteWeights(BinaryWriter w, EntityTagger tagger)
    {
        w.Write(tagger.Transitions.Length);
        w.Write(MemoryMarshal.AsBytes(tagger.Transitions.AsSpan()));
        w.Write(tagger.Keys.Length);
        w.Write(MemoryMarshal.AsBytes(tagger.Keys.AsSpan()));
        var half = new Half[tagger.Weights.Length];
        for (var i = 0; i < half.Length; i++)
        {
            half[i] = (Half)tagger.Weights[i];
        }

        w.Write(MemoryMarshal.AsBytes(half.AsSpan()));
    }

    public static EntityTagger Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8);
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException($"'{path}' is not a Marsad entity model");
        }

        var version = r.ReadInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"'{path}' has model version {version}; this build reads version {Version}");
        }

        var tags = new string[r.ReadInt32()];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = r.ReadString();
        }

        var proclitics = new string[r.ReadInt32()];
        for (var i = 0; i < proclitics.Length; i++)
        {
            proclitics[i] = r.ReadString();
        }

        var clusters = new (string, string, int)[r.ReadInt32()];
        for (var i = 0; i < clusters.Length; i++)
        {
            clusters[i] = (r.ReadString(), r.ReadString(), r.ReadInt32());
        }

        var names = new (string, GazetteerKinds)[r.ReadInt32()];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = (r.ReadString(), (GazetteerKinds)r.ReadByte());
        }

        var profiles = new (string, string)[r.ReadInt32()];
        for (var i = 0; i < profiles.Length; i++)
        {
            profiles[i] = (r.ReadString(), r.ReadString());
        }

        var lexicon = new NerLexicon(clusters, names, proclitics, profiles);
        var first = ReadWeights(r, tags, lexicon, null);
        return r.ReadBoolean() ? first.WithDocumentPass(ReadWeights(r, tags, lexicon, null)) : first;
    }

    private static EntityTagger ReadWeights(BinaryReader r, string[] tags, NerLexicon lexicon, EntityTagger? documentPass)
    {
        var transitions = new float[r.ReadInt32()];
        ReadExactly(r, MemoryMarshal.AsBytes(transitions.AsSpan()));
        var keys = new ulong[r.ReadInt32()];
        ReadExactly(r, MemoryMarshal.AsBytes(keys.AsSpan()));
        var half = new Half[keys.Length * tags.Length];
        ReadExactly(r, MemoryMarshal.AsBytes(half.AsSpan()));
        var weights = new float[half.Length];
        for (var i = 0; i < half.Length; i++)
        {
            weights[i] = (float)half[i];
        }

        return new EntityTagger(tags, lexicon, transitions, keys, weights, documentPass);
    }

    private static void ReadExactly(BinaryReader r, Span<byte> target)
    {
        r.BaseStream.ReadExactly(target);
    }
}
