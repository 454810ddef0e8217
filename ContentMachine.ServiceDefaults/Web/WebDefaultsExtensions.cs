using System.Text.Json;
using System.Text.Json.Serialization;
using ContentMachine.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentMachine.ServiceDefaults.Web;

public static class WebDefaultsExtensions
{
    public static IHostApplicationBuilder AddWebDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            if (ctx.HttpContext.RequestServices.GetService<ServiceIdentity>() is { } identity)
                ctx.ProblemDetails.Extensions.TryAdd("service", identity.Name);
        });
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Throw on unreadable requests in every environment, so that BadRequestExceptionHandler names the field.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddTransient<IStartupFilter, WebDefaultsStartupFilter>();
        return builder;
    }

    /// <summary>Exceptions and bare error status codes become ProblemDetails. Registered inside the application's
    /// pipeline, so that it answers before ASP.NET Core's developer exception page, which would echo stack traces and
    /// request headers (credentials included) in Development.</summary>
    public static IApplicationBuilder UseProblemDetailsDefaults(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
