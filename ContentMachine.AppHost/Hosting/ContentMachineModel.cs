using ContentMachine.AppHost.Resources;
using ContentMachine.AppHost.Telemetry;

namespace ContentMachine.AppHost.Hosting;

/// <summary>The application: what an Aspire AppHost's Program.cs would declare. Resource names, connection names and
/// references follow ARCHITECTURE.md; a service waits for everything it references.</summary>
public static class ContentMachineModel
{
    public const string Bucket = "contentmachine";

    public static readonly IReadOnlyList<string> ServiceNames = ["projects", "pipeline", "storage", "search", "publishing"];

    /// <summary>The resources; every service exports its telemetry to <paramref name="telemetry"/>'s receiver.</summary>
    public static IReadOnlyList<StackResource> Build(StackOptions options, PortAllocator ports, TelemetryEndpoints telemetry)
    {
        var p = options.Ports;
        var postgres = new PostgresResource(ports.Allocate("postgres", p.Postgres));
        var projectsdb = postgres.AddDatabase("projectsdb");
        var pipelinedb = postgres.AddDatabase("pipelinedb");
        var storagedb = postgres.AddDatabase("storagedb");
        var searchdb = postgres.AddDatabase("searchdb");
        var publishingdb = postgres.AddDatabase("publishingdb");

        var redis = new RedisResource(ports.Allocate("redis", p.Redis));
        var epmd = new EpmdResource(ports.Allocate("epmd", p.Epmd));
        var messaging = new RabbitMqResource(ports.Allocate("rabbitmq", p.RabbitMq),
            ports.Allocate("rabbitmq-management", p.RabbitMqManagement), ports.Allocate("rabbitmq-distribution", p.RabbitMqDistribution), epmd);
        messaging.WaitFor(epmd);
        var objects = new ObjectStoreResource(ports.Allocate("objects", p.ObjectStore), Bucket);

        var nextServicePort = p.Services;
        ProjectResource Service(string name, string directory, string type = "Service") => new(name, directory,
            Enumerable.Range(0, options.ReplicasOf(name))
                .Select(i => ports.Allocate($"{name}-{i}", nextServicePort == 0 ? 0 : nextServicePort++))
                .ToList(), type) { Telemetry = telemetry };

        var storage = Service("storage", "services/ContentMachine.Storage").WithReference(storagedb).WithReference(objects).WithReference(messaging);
        var search = Service("search", "services/ContentMachine.Search").WithReference(searchdb).WithReference(redis).WithReference(messaging);
        var projects = Service("projects", "services/ContentMachine.Projects").WithReference(projectsdb).WithReference(messaging).WithReference(storage);
        var pipeline = Service("pipeline", "services/ContentMachine.Pipeline").WithReference(pipelinedb).WithReference(messaging)
            .WithReference(storage).WithReference(search);
        var publishing = Service("publishing", "services/ContentMachine.Publishing").WithReference(publishingdb).WithReference(messaging).WithReference(redis)
            .WithReference(storage);

        var gateway = new ProjectResource("gateway", "gateway/ContentMachine.Gateway", [ports.Allocate("gateway", p.Gateway)], "Gateway")
        {
            BindAddress = options.GatewayBindAddress,
            Telemetry = telemetry,
        };
        foreach (var service in (ProjectResource[])[projects, pipeline, storage, search, publishing]) gateway.WithReference(service).WaitFor(service);
        gateway.WithReference(redis).WithEnvironment(GatewayAdminKey.Environment);

        return [postgres, redis, epmd, messaging, objects, storage, search, projects, pipeline, publishing, gateway];
    }
}
