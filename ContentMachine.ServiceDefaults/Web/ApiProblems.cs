using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.ServiceDefaults.Web;

/// <summary>The ProblemDetails every API answers with for a missing resource or a field that is wrong outside the
/// request body (a route value, a header), shaped like the validation filter's.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string resource, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{resource} not found", detail: detail);

    public static ProblemHttpResult InvalidField(string field, string message, string title = "One or more fields are invalid.") =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
        });
}
