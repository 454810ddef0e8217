using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ContentMachine.ServiceDefaults.Web;

/// <summary>A body that is not valid JSON, or a value of the wrong type, answers 400 ValidationProblem naming the field
/// (from the JSON path of the error) instead of a bare 400 or a 500. Nothing of the exception's internals is echoed.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;
        var (field, message) = badRequest.InnerException switch
        {
            JsonException { Path: { Length: > 1 } path } json when IsWrongType(json) => (path.TrimStart('$', '.'), "The value has the wrong type for this field."),
            JsonException json => ("body", $"The body is not valid JSON: {FirstSentence(json.Message)}"),
            _ when badRequest.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) => ("body", "A JSON body is required."),
            _ => ("request", FirstSentence(badRequest.Message)),
        };
        context.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
            },
        });
    }

    /// <summary>Well-formed JSON whose value does not fit the field (the message would name .NET types, so it is not echoed).</summary>
    private static bool IsWrongType(JsonException json) =>
        json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
