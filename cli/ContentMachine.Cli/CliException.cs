namespace ContentMachine.Cli;

/// <summary>A failure the user can act on: its message is printed as it is, and <c>cm</c> exits with <see cref="ExitCode"/>.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(message, ExitCodes.Usage);
}
