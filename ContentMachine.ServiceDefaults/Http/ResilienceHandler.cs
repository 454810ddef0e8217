using Polly;

namespace ContentMachine.ServiceDefaults.Http;

/// <summary>Runs each request through the client's resilience pipeline (Microsoft.Extensions.Http.Resilience is absent here).</summary>
public sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(async (req, ct) =>
        {
            var response = await base.SendAsync(req, ct);
            if (response.RequestMessage is null) response.RequestMessage = req;
            return response;
        }, request, cancellationToken);
}
