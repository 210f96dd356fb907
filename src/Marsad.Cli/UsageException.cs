namespace Marsad.Cli;

/// <summary>A command line that parsed but makes no sense (a missing input path, a bad option value): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
