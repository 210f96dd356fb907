using System.CommandLine;

namespace Marsad.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Marsad: Arabic news intelligence");
        return root.Parse(args).Invoke();
    }
}
