using Microsoft.AspNetCore.Routing;

namespace ContentMachine.ServiceDefaults.Validation;

public static class ValidationExtensions
{
    /// <summary>Runs the registered <c>IValidator&lt;T&gt;</c> on the request before the handler (400 naming the fields).</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder endpoint) where T : class =>
        endpoint.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
