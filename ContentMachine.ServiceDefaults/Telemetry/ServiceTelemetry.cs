using System.Diagnostics.Metrics;
using ContentMachine.ServiceDefaults.Configuration;

namespace ContentMachine.ServiceDefaults.Telemetry;

/// <summary>The service's own ActivitySource and Meter, named <c>ContentMachine.{service}</c>; spans are named after the
/// work (<c>pipeline.render</c>) and tagged with the project id.</summary>
public sealed class ServiceTelemetry : IDisposable
{
    public const string SourcePrefix = "ContentMachine.";

    public ServiceTelemetry(ServiceIdentity identity)
    {
        Name = SourcePrefix + identity.Name;
        Source = new ActivitySource(Name);
        Meter = new Meter(Name);
    }

    public string Name { get; }
    public ActivitySource Source { get; }
    public Meter Meter { get; }

    public void Dispose()
    {
        Source.Dispose();
        Meter.Dispose();
    }
}
