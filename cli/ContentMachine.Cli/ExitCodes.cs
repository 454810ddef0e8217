namespace ContentMachine.Cli;

/// <summary>What <c>cm</c> exits with; documented in <c>cm --help</c> and the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work failed (a failed or cancelled run, a failed publication, a download that does not verify) or an unexpected error.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments or configuration, or input the API refused (400).</summary>
    public const int Usage = 2;

    /// <summary>The gateway refused the credentials (401 or 403).</summary>
    public const int Auth = 3;

    public const int NotFound = 4;

    /// <summary>Ctrl+C stopped the wait (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    public static int For(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Auth,
        HttpStatusCode.NotFound => NotFound,
        HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => Usage,
        _ => Failed,
    };

    public const string Help = "Exit codes: 0 ok, 1 failed or error, 2 usage (bad arguments, or input the API refused), "
        + "3 authentication (401/403), 4 not found, 130 interrupted (Ctrl+C).";
}
