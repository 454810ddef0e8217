using System.Text.Json;
using FluentValidation;

namespace ContentMachine.ServiceDefaults.Validation;

/// <summary>Validates the endpoint's <typeparamref name="T"/> argument with its FluentValidation validator before the
/// handler runs; a violation answers 400 ValidationProblem whose errors are keyed by the JSON field names the client
/// sent (<c>topic</c>, <c>options.durationSeconds</c>), so nothing is written for invalid input.</summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<T>().FirstOrDefault() is not { } argument)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] });
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (result.IsValid) return await next(context);
        var errors = result.Errors
            .GroupBy(e => ToJsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return TypedResults.ValidationProblem(errors, title: "One or more fields are invalid.");
    }

    internal static string ToJsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
}
