using Marsad.Cli.Commands;
using Marsad.Extract.Entities;

namespace Marsad.Tests.Extract.Entities;

public class NerCommandsTests
{
    [Fact]
    public void ConllOutputIsTheSameLinesPlusOneColumn()
    {
        string[] input = ["قال O", "الرئيس O", "محمد B-PERS", "العلي I-PERS", "", "في O", "دمشق B-LOC", ""];
        var output = new StringWriter();
        NerCommands.WriteConll(EntityTagger.Default, input, output);
        var lines = output.ToString().Split('\n');
        Assert.Equal(input.Length + 1, lines.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (input[i].Length == 0)
            {
                Assert.Equal(string.Empty, line);
                continue;
            }

            Assert.StartsWith(input[i] + " ", line);
            var tag = line[(input[i].Length + 1)..];
            Assert.Contains(tag, EntityTagger.Default.Labels);
        }
    }

    [Fact]
    public void TabSeparatedInputGetsATabColumn()
    {
        var output = new StringWriter();
        NerCommands.WriteConll(EntityTagger.Default, ["دمشق\tB-LOC"], output);
        Assert.StartsWith("دمشق\tB-LOC\t", output.ToString());
    }
}
