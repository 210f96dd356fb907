namespace Marsad.Analysis;

/// <summary>
/// Tells the language of an article from its script, cheaply, so that only Arabic is analyzed as Arabic:
/// <list type="bullet">
/// <item>mostly Latin letters → "en" (we do not tell Latin-script languages apart);</item>
/// <item>Arabic script with Urdu-only letters (ٹ ڈ ڑ ں ے) → "ur"; the two-eyed ھ counts only in a text that writes
/// the Persian ی and ک rather than the Arabic ي and ك, since Arabic typesetting uses ھ for ه (often with tatweel);</item>
/// <item>Arabic script with Persian letters (پ چ ژ گ ی ک) well above the rate of loanwords in Arabic news,
/// and few Arabic-only letters (ة ى) → "fa";</item>
/// <item>otherwise Arabic script → "ar"; no letters at all → "und".</item>
/// </list>
/// </summary>
public static class LanguageDetector
{
    public static string Detect(ReadOnlySpan<char> text)
    {
        int arabic = 0, latin = 0, persian = 0, urdu = 0, arabicOnly = 0, twoEyedHeh = 0, arabicYehKaf = 0;
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                latin++;
            }
            else if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFC')
            {
                arabic++;
                switch (c)
                {
                    case 'ٹ' or 'ڈ' or 'ڑ' or 'ں' or 'ے' or 'ۓ':
                        urdu++;
                        break;
                    case 'ھ':
                        twoEyedHeh++;
                        break;
                    case 'ي' or 'ك':
                        arabicYehKaf++;
                        break;
                    case 'پ' or 'چ' or 'ژ' or 'گ' or 'ی' or 'ک':
                        persian++;
                        break;
                    case 'ة' or 'ى':
                        arabicOnly++;
                        break;
                }
            }
        }

        var letters = arabic + latin;
        if (letters == 0)
        {
            return "und";
        }

        if (latin > arabic)
        {
            return "en";
        }

        // Arabic news borrows the odd گ or چ in names; Persian and Urdu use their letters in most sentences.
        if (persian > arabicYehKaf)
        {
            urdu += twoEyedHeh;
        }

        if (urdu * 100 > arabic)
        {
            return "ur";
        }

        if (persian * 50 > arabic && persian > arabicOnly * 2)
        {
            return "fa";
        }

        return "ar";
    }
}
