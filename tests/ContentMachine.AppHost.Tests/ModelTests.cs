namespace ContentMachine.AppHost.Tests;

/// <summary>The configuration each service is given follows ARCHITECTURE.md (checked without starting anything).</summary>
public class ModelTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "contentmachine-tests", "model-" + Guid.NewGuid().ToString("N")[..8]);

    private static readonly ContentMachine.AppHost.Telemetry.TelemetryEndpoints Otlp = ContentMachine.AppHost.Telemetry.TelemetryEndpoints.Create(4318, 18888);

    private (IReadOnlyList<StackResource> Resources, StackContext Context) Build(int pipelineReplicas = 1)
    {
        var options = TestStacks.Options("model", replicas: new Dictionary<string, int> { ["pipeline"] = pipelineReplicas }) with { StateDirectory = _state };
        var layout = RepositoryLayout.Discover();
        var context = new StackContext(options, layout, new StateDirectory(_state), new StackSecrets(Path.Combine(_state, "secrets.json")),
            new Console.ResourceLogs());
        return (ContentMachineModel.Build(options, new PortAllocator(), Otlp), context);
    }

    private static Dictionary<string, string?> EnvironmentOf(IReadOnlyList<StackResource> resources, StackContext context, string name, int replica = 0) =>
        resources.OfType<Resources.ProjectResource>().Single(r => r.Name == name).BuildEnvironment(context, replica);

    [Fact]
    public void Services_get_connection_strings_by_resource_name_and_their_own_database_role()
    {
        var (resources, context) = Build();

        var projects = EnvironmentOf(resources, context, "projects");

        projects["ConnectionStrings__projectsdb"].Should().Contain("Database=projectsdb").And.Contain("Username=projectsdb").And.Contain("Host=127.0.0.1");
        projects["ConnectionStrings__messaging"].Should().StartWith("amqp://contentmachine:").And.EndWith("/");
        projects.Keys.Should().NotContain(k => k.Contains("pipelinedb") || k.Contains("storagedb"), "no service may reach another's database");
        EnvironmentOf(resources, context, "storage")["ConnectionStrings__objects"].Should()
            .MatchRegex(@"^Endpoint=http://127\.0\.0\.1:\d+;AccessKey=S3RVER;SecretKey=S3RVER;Region=us-east-1;Bucket=contentmachine$");
        EnvironmentOf(resources, context, "search")["ConnectionStrings__redis"].Should().MatchRegex(@"^127\.0\.0\.1:\d+,password=[0-9a-f]{32}$");
    }

    [Fact]
    public void Every_replica_gets_its_own_loopback_port_and_the_gateway_gets_all_of_them()
    {
        var (resources, context) = Build(pipelineReplicas: 3);

        var urls = Enumerable.Range(0, 3).Select(i => EnvironmentOf(resources, context, "pipeline", i)["ASPNETCORE_URLS"]).ToList();
        var gateway = EnvironmentOf(resources, context, "gateway");

        urls.Should().OnlyHaveUniqueItems().And.OnlyContain(u => u!.StartsWith("http://127.0.0.1:"));
        Enumerable.Range(0, 3).Select(i => gateway[$"services__pipeline__http__{i}"]).Should().Equal(urls);
        gateway.Keys.Where(k => k.StartsWith("services__")).Select(k => k.Split("__")[1]).Distinct()
            .Should().BeEquivalentTo("projects", "pipeline", "storage", "search", "publishing");
        EnvironmentOf(resources, context, "pipeline", 2)["SERVICE_INSTANCE_ID"].Should().Be("pipeline-2");
    }

    [Fact]
    public void Services_export_telemetry_over_otlp_http_protobuf_under_their_resource_name()
    {
        var (resources, context) = Build();

        var search = EnvironmentOf(resources, context, "search");

        search["OTEL_EXPORTER_OTLP_ENDPOINT"].Should().Be("http://127.0.0.1:4318");
        search["OTEL_EXPORTER_OTLP_PROTOCOL"].Should().Be("http/protobuf");
        search["OTEL_EXPORTER_OTLP_HEADERS"].Should().Be($"x-otlp-api-key={Otlp.OtlpApiKey}");
        search["OTEL_SERVICE_NAME"].Should().Be("search");
    }

    [Fact]
    public void Services_wait_for_their_stores_and_the_gateway_for_every_service()
    {
        var (resources, _) = Build();
        StackResource Named(string name) => resources.Single(r => r.Name == name);

        Named("projects").Dependencies.Select(d => d.Name).Should().BeEquivalentTo("postgres", "rabbitmq");
        Named("pipeline").Dependencies.Select(d => d.Name).Should().BeEquivalentTo("postgres", "rabbitmq");
        Named("rabbitmq").Dependencies.Select(d => d.Name).Should().BeEquivalentTo("epmd");
        Named("gateway").Dependencies.Select(d => d.Name).Should().BeEquivalentTo("projects", "pipeline", "storage", "search", "publishing", "redis");
    }

    [Fact]
    public void The_gateway_gets_redis_and_the_hash_of_an_admin_key_kept_per_state_folder_never_the_key()
    {
        var (resources, context) = Build();

        var gateway = EnvironmentOf(resources, context, "gateway");
        var key = context.AdminApiKey;

        key.Should().MatchRegex("^cm_[0-9a-f]{12}_[0-9a-f]{64}$");
        new StackSecrets(Path.Combine(_state, "secrets.json")).Get("gateway-admin-api-key").Should().Be(key, "the key survives restarts of the AppHost");
        gateway["ConnectionStrings__redis"].Should().MatchRegex(@"^127\.0\.0\.1:\d+,password=[0-9a-f]{32}$");
        gateway["Gateway__Auth__Keys__0__Hash"].Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))));
        gateway["Gateway__Auth__Keys__0__Scopes__0"].Should().Be("admin");
        gateway.Values.Should().NotContain(v => v != null && v.Contains(key));
        EnvironmentOf(resources, context, "projects").Keys.Should().NotContain(k => k.StartsWith("Gateway__"));
    }

    [Fact]
    public void Secrets_are_generated_once_and_kept_private()
    {
        var path = Path.Combine(_state, "secrets.json");
        var first = new StackSecrets(path).Get("redis-password");

        new StackSecrets(path).Get("redis-password").Should().Be(first);
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        first.Should().MatchRegex("^[0-9a-f]{32}$");
    }

    public void Dispose()
    {
        if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
    }
}
