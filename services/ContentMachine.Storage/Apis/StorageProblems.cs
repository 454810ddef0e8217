using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Storage.Apis;

public static class StorageProblems
{
    public static ProblemHttpResult InvalidKey(string error) => ApiProblems.InvalidField("key", error, "Invalid object key");

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Object too large",
            detail: $"At most {limit} bytes are accepted here.");

    public static ProblemHttpResult ObjectNotFound(string key) => ApiProblems.NotFound("Object", $"No object has the key '{key}'.");

    public static ProblemHttpResult UnsupportedMedia(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = "Unsupported media type",
            Detail = $"Uploads must be one of: {string.Join(", ", Uploads.MediaSignature.Allowed.Keys)}.",
        });
}
