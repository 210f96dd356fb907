using Marsad.Model;

namespace Marsad.Corpus;

/// <summary>A document's tokens with their normalized forms and stems (the form without the clitics of <see cref="Layers.Segments"/>).</summary>
internal readonly struct TokenView(string normalized, IReadOnlyList<Token> tokens, IReadOnlyList<Segmentation> segments)
{
    public IReadOnlyList<Token> Tokens { get; } = tokens;

    public ReadOnlySpan<char> Form(int i) => Tokens[i].Norm.Slice(normalized);

    public ReadOnlySpan<char> Stem(int i)
    {
        var form = Form(i);
        if (i < segments.Count && segments[i].PrefixLength + segments[i].SuffixLength < form.Length)
        {
            return form[segments[i].PrefixLength..(form.Length - segments[i].SuffixLength)];
        }

        return form;
    }
}
