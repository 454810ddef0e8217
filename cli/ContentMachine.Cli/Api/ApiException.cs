namespace ContentMachine.Cli.Api;

/// <summary>The gateway answered with an error status; the message is the ProblemDetails on one line.</summary>
public sealed class ApiException(HttpStatusCode status, ApiProblem problem) : Exception(problem.Describe(status))
{
    public HttpStatusCode Status { get; } = status;
    public ApiProblem Problem { get; } = problem;
}
