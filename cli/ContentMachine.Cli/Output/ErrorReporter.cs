namespace ContentMachine.Cli.Output;

/// <summary>Turns what went wrong into one line on stderr and an exit code. Every message passes through the settings'
/// redaction, so a server that echoes the API key back does not get it printed.</summary>
public static class ErrorReporter
{
    public static int Report(CliHost host, CliSettings? settings, Exception exception, CancellationToken ct)
    {
        var (code, message) = exception switch
        {
            CliException e => (e.ExitCode, e.Message),
            ApiException { Status: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } e => (ExitCodes.Auth, AuthMessage(e, settings)),
            ApiException e => (ExitCodes.For(e.Status), e.Message),
            OperationCanceledException when ct.IsCancellationRequested => (ExitCodes.Interrupted, "Interrupted."),
            JsonException e => (ExitCodes.Failed, $"The gateway answered something that is not the API's JSON: {e.Message}"),
            IOException e => (ExitCodes.Failed, e.Message),
            _ => (ExitCodes.Failed, $"{exception.GetType().Name}: {exception.Message}"),
        };
        message = settings?.Redact(message) ?? message;
        host.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {message}");
        return code;
    }

    private static string AuthMessage(ApiException e, CliSettings? settings)
    {
        var what = e.Status == HttpStatusCode.Forbidden ? "The API key is not allowed to do this" : "The gateway refused the request";
        var hint = settings?.ApiKey is null
            ? $"no API key is set: pass --api-key, set CM_API_KEY, or put \"apiKey\" in {settings?.ConfigPath ?? "the config file"}"
            : $"the API key from {settings.ApiKeySource} was not accepted";
        return $"{what} ({(int)e.Status}: {e.Message}); {hint}.";
    }
}
