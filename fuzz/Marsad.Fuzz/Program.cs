using Marsad.Fuzz;

// marsad-fuzz TARGET afl                      — under afl-fuzz (instrument Marsad.dll with `sharpfuzz` first)
// marsad-fuzz TARGET libfuzzer                — under libfuzzer-dotnet
// marsad-fuzz TARGET mutate SECONDS SEEDS FINDINGS [SEED] — the bounded mutation loop, no external fuzzer needed
// marsad-fuzz TARGET replay FILE...           — runs inputs once (a crash throws, with its stack trace)
if (args.Length < 2 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: marsad-fuzz {{{string.Join('|', FuzzTargets.All.Keys)}}} {{afl|libfuzzer|mutate SECONDS SEEDS FINDINGS [SEED]|replay FILE...}}");
    return 2;
}

switch (args[1])
{
    case "afl":
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    case "libfuzzer":
        SharpFuzz.Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
        return 0;
    case "mutate" when args.Length >= 5:
    {
        var seconds = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        var seeds = Directory.Exists(args[3])
            ? Directory.GetFiles(args[3]).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList()
            : [];
        var seed = args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : Environment.TickCount;
        var fuzzer = new MutationFuzzer(target, seeds, args[4], seed);
        fuzzer.Run(TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"fuzz: {args[0]}: {fuzzer.Executions:N0} inputs in {seconds:N0} s (seed {seed}), {fuzzer.Crashes} findings");
        return fuzzer.Crashes == 0 ? 0 : 1;
    }

    case "replay":
        foreach (var file in args.Skip(2))
        {
            target(File.ReadAllBytes(file));
            Console.WriteLine($"fuzz: {args[0]}: {file}: ok");
        }

        return 0;
    default:
        Console.Error.WriteLine("marsad-fuzz: unknown mode " + args[1]);
        return 2;
}
