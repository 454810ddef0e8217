namespace ContentMachine.ServiceDefaults.Configuration;

/// <summary>Who this process is: the OTEL_SERVICE_NAME the AppHost gives it (the resource name), and its replica.</summary>
public sealed record ServiceIdentity(string Name, string InstanceId)
{
    public static ServiceIdentity From(IConfiguration configuration, IHostEnvironment environment)
    {
        var name = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured
            ? configured
            : environment.ApplicationName.Replace("ContentMachine.", "", StringComparison.Ordinal).ToLowerInvariant();
        var instance = configuration["SERVICE_INSTANCE_ID"] is { Length: > 0 } id ? id : $"{name}-{Environment.ProcessId}";
        return new ServiceIdentity(name, instance);
    }
}
