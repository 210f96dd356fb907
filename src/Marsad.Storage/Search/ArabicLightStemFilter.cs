using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Marsad.Arabic;

namespace Marsad.Storage.Search;

/// <summary>
/// Light stemming of a normalized Arabic stem (after <see cref="ArabicCliticStemFilter"/>): strips one inflectional
/// suffix from <see cref="LightStemRules"/> (plural ات ون ين, dual ان, feminine ه (ة), nisba ي/يه), the longest that
/// leaves its minimum stem, so مدينه and مدين meet, عراقيه and عراق meet, but the short قوات is kept whole.
/// Numbers and Latin tokens pass unchanged.
/// </summary>
public sealed class ArabicLightStemFilter : TokenFilter
{
    private readonly LightStemRules _rules;
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;

    public ArabicLightStemFilter(TokenStream input, LightStemRules rules)
        : base(input)
    {
        _rules = rules;
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_type.Type == ArabicSearchTokenizer.ArabicType)
        {
            _term.Length = _rules.StemLength(_term.Buffer.AsSpan(0, _term.Length));
        }

        return true;
    }
}
