using ContentMachine.ServiceDefaults.Discovery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;

namespace ContentMachine.ServiceDefaults.Http;

public static class HttpClientDefaultsExtensions
{
    /// <summary>Every HttpClient from the factory resolves service names from configuration and is resilient.</summary>
    public static IHostApplicationBuilder AddHttpClientDefaults(this IHostApplicationBuilder builder)
    {
        // ConfigureAll: every client name starts from the configured section; a client may then be tuned by name.
        builder.Services.ConfigureAll<HttpResilienceOptions>(o => builder.Configuration.GetSection(HttpResilienceOptions.Section).Bind(o));
        builder.Services.AddSingleton<HttpResiliencePipelines>();
        builder.Services.AddSingleton<ServiceEndpointResolver>();
        builder.Services.AddHttpClient();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, HttpClientDefaultsFilter>());
        return builder;
    }
}

/// <summary>Adds the defaults to every client the factory builds (a filter, unlike ConfigureHttpClientDefaults, knows the
/// client's name, which keys its circuit breaker): resilience outermost, then the client's own handlers, then service
/// discovery innermost, so that each retry may go to another replica.</summary>
internal sealed class HttpClientDefaultsFilter(HttpResiliencePipelines pipelines, ServiceEndpointResolver resolver) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Insert(0, new ResilienceHandler(pipelines.Get(builder.Name ?? Options.DefaultName)));
        builder.AdditionalHandlers.Add(new ServiceDiscoveryHandler(resolver));
    };
}
