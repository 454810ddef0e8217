using Microsoft.AspNetCore.Http.Timeouts;

namespace ContentMachine.Gateway.Routing;

/// <summary>Request timeouts by kind of route: JSON calls, transfers (uploads, downloads) and streams (never timed out;
/// YARP's reserved "Disable").</summary>
public static class TimeoutPolicies
{
    public const string Api = "api";
    public const string Transfer = "transfer";
    public const string Disable = "Disable";

    public static IHostApplicationBuilder AddGatewayTimeouts(this IHostApplicationBuilder builder, GatewayOptions options)
    {
        builder.Services.AddRequestTimeouts(o =>
        {
            o.DefaultPolicy = Policy(options.ApiTimeout);
            o.AddPolicy(Api, Policy(options.ApiTimeout));
            o.AddPolicy(Transfer, Policy(options.TransferTimeout));
        });
        return builder;
    }

    private static RequestTimeoutPolicy Policy(TimeSpan timeout) => new() { Timeout = timeout, TimeoutStatusCode = StatusCodes.Status504GatewayTimeout };
}
