using System.Text;
using Marsad.Arabic;
using Marsad.Extract.Times;
using Marsad.Tests.Support;

namespace Marsad.Tests.Extract.Times;

public sealed class TimeLexiconTests
{
    private static string Dir => Path.Combine(RepoPaths.Data, "ar", "time");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Data, "ar", "time"), "*.tsv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void FileHasAHeaderWithSourceAndLicence(string file)
    {
        var header = string.Join('\n', File.ReadLines(Path.Combine(Dir, file)).TakeWhile(l => l.StartsWith('#')));

        Assert.Contains("Source", header);
        Assert.Contains("Licence", header);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EntriesAreNormalizedNfcAndUnique(string file)
    {
        if (file == "patterns.tsv")
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvLexicon.ReadRows(Path.Combine(Dir, file)))
        {
            var form = row[0];
            Assert.Equal(form.Normalize(NormalizationForm.FormC), form);
            Assert.Equal(ArabicNormalizer.Normalize(form), form);
            Assert.DoesNotContain('\u0640', form);
            // A keyword may have several roles, a part of day be both a noun and an adverb.
            var key = file is "keywords.tsv" or "parts_of_day.tsv" ? form + "\t" + row[^1] : form;
            Assert.True(seen.Add(key), $"{file}: duplicate entry '{key}'");
        }
    }

    [Fact]
    public void LoadsAndCompilesEveryRule()
    {
        var lexicon = TimeLexicon.Load(Dir);

        Assert.NotEmpty(lexicon.Rules);
        Assert.Equal(12, lexicon.Months.Values.Distinct().Count());
        Assert.Equal(12, lexicon.HijriMonths.Values.Distinct().Count());
        Assert.Equal(7, lexicon.Weekdays.Values.Distinct().Count());
        Assert.NotEqual(0UL, lexicon.DigitRules);
        Assert.NotEqual(0UL, lexicon.RulesStartingWith("كانون"));
        Assert.Equal(0UL, lexicon.RulesStartingWith("السياسة"));
    }

    [Fact]
    public void UnknownPatternClassIsReportedByName()
    {
        var dir = Directory.CreateTempSubdirectory("marsad-time-");
        try
        {
            foreach (var f in Directory.GetFiles(Dir))
            {
                File.Copy(f, Path.Combine(dir.FullName, Path.GetFileName(f)));
            }

            File.AppendAllText(Path.Combine(dir.FullName, "patterns.tsv"), "broken\tDATE\tdigit\t{nosuchclass}\n");

            var error = Assert.Throws<InvalidDataException>(() => TimeLexicon.Load(dir.FullName));
            Assert.Contains("nosuchclass", error.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
