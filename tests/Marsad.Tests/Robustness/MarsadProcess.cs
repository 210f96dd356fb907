using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Marsad.Tests.Robustness;

/// <summary>
/// The built <c>marsad</c> command as a child process that a test can watch and kill: it records the peak resident
/// memory (VmHWM, polled from /proc on Linux) and captures what the process prints.
/// </summary>
public sealed class MarsadProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly Task _watch;
    private long _peakKb;

    private MarsadProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
        _watch = Task.Run(Watch);
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr, double PeakMb)
    {
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static MarsadProcess Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Marsad.Cli.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["MARSAD_DB"] = Path.Combine(Path.GetTempPath(), "marsad-tests-default.db");
        return new MarsadProcess(Process.Start(psi)!);
    }

    public static Result Run(params string[] args)
    {
        using var process = Start(args);
        return process.WaitForExit(TimeSpan.FromMinutes(5));
    }

    public Result WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"marsad did not finish in {timeout}");
        }

        _process.WaitForExit();
        _watch.Wait();
        return new Result(_process.ExitCode, _stdout.Result, _stderr.Result, Interlocked.Read(ref _peakKb) / 1024.0);
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as after a power cut or the OOM killer.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private async Task Watch()
    {
        var status = $"/proc/{_process.Id}/status";
        while (!_process.HasExited)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                        && long.TryParse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
                    {
                        Interlocked.Exchange(ref _peakKb, Math.Max(Interlocked.Read(ref _peakKb), kb));
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return;
            }

            await Task.Delay(20);
        }
    }
}
