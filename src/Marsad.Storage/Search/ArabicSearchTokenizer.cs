using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Marsad.Arabic;
using Marsad.Model;
using Token = Marsad.Model.Token;

namespace Marsad.Storage.Search;

/// <summary>
/// The first stage of <see cref="ArabicSearchAnalyzer"/>: splits a field with the engine's <see cref="ArabicTokenizer"/>, so
/// search sees the same words as the annotators. Rules:
/// <list type="bullet">
/// <item>Arabic words are emitted as written (diacritics included, type <see cref="ArabicType"/>): the next stage needs the
/// original letters to tell ة from ه and أ from ا;</item>
/// <item>numbers are emitted in ASCII digits (type <see cref="NumberType"/>), Latin tokens lowercased (type <see cref="LatinType"/>);</item>
/// <item>punctuation and symbols make no token;</item>
/// <item>offsets are those of the original text, so highlights land on the words as the reader sees them.</item>
/// </list>
/// </summary>
public sealed class ArabicSearchTokenizer : Tokenizer
{
    public const string ArabicType = "<ARABIC>";
    public const string NumberType = "<NUM>";
    public const string LatinType = "<LATIN>";

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;

    private string _text = "";
    private string _norm = "";
    private Token[] _tokens = [];
    private int _next;

    public ArabicSearchTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (_next < _tokens.Length)
        {
            var t = _tokens[_next++];
            switch (t.Kind)
            {
                case TokenKind.Word:
                    SetTerm(_text.AsSpan(t.Span.Start, t.Span.Length));
                    _type.Type = ArabicType;
                    break;
                case TokenKind.Number:
                    SetTerm(_norm.AsSpan(t.Norm.Start, t.Norm.Length));
                    _type.Type = NumberType;
                    break;
                case TokenKind.Latin:
                    SetLower(_norm.AsSpan(t.Norm.Start, t.Norm.Length));
                    _type.Type = LatinType;
                    break;
                default:
                    continue;
            }

            _offset.SetOffset(CorrectOffset(t.Span.Start), CorrectOffset(t.Span.End));
            return true;
        }

        return false;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }

    public override void Reset()
    {
        base.Reset();
        // Lucene's reusable reader gives null for an empty value.
        _text = m_input.ReadToEnd() ?? "";
        var normalized = ArabicNormalizer.NormalizeWithMap(_text);
        _norm = normalized.Text;
        _tokens = ArabicTokenizer.Tokenize(_text, normalized);
        _next = 0;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _text = "";
            _norm = "";
            _tokens = [];
        }
    }

    private void SetTerm(ReadOnlySpan<char> value)
    {
        var buffer = _term.ResizeBuffer(value.Length);
        value.CopyTo(buffer);
        _term.Length = value.Length;
    }

    private void SetLower(ReadOnlySpan<char> value)
    {
        var buffer = _term.ResizeBuffer(value.Length);
        value.ToLowerInvariant(buffer);
        _term.Length = value.Length;
    }
}
