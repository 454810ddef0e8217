using ContentMachine.AppHost.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>The resources page's buttons: stop, start or restart one replica. The request returns when the action is done
/// (a start once the replica is ready) with the replica's new state.</summary>
public static class ResourceActionsApi
{
    public static RouteGroupBuilder MapResourceActionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/resources").WithTags("Dashboard");
        api.MapPost("{name}/{action}", Apply).WithName("ApplyResourceAction")
            .WithSummary("Stops, starts or restarts one replica (action: stop, start, restart) and returns its state afterwards.");
        return api;
    }

    public static async Task<Results<Ok<ResourceSnapshot>, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem, ProblemHttpResult>> Apply(
        string name, string action, IDashboardStack stack, CancellationToken ct)
    {
        if (!Enum.TryParse<ResourceAction>(action, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["action"] = [$"Unknown action '{action}'; use stop, start or restart."],
            });
        if (stack.Snapshots().All(s => s.Name != name))
            return TypedResults.NotFound(new ProblemDetails { Title = "No such resource", Detail = $"The stack has no resource named {name}.", Status = 404 });
        try
        {
            await stack.ApplyAsync(name, parsed, ct);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Conflict(new ProblemDetails { Title = $"Cannot {parsed.ToString().ToLowerInvariant()} {name}", Detail = ex.Message, Status = 409 });
        }
        catch (ResourceFailedException ex)
        {
            return TypedResults.Problem(title: $"{name} did not start", detail: ex.Reason, statusCode: 502);
        }
        return TypedResults.Ok(stack.Snapshots().Single(s => s.Name == name));
    }
}
