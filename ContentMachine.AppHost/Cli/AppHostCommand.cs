using System.CommandLine;
using ContentMachine.AppHost.Hosting;

namespace ContentMachine.AppHost.Cli;

/// <summary><c>dotnet run --project ContentMachine.AppHost -- [options]</c>.</summary>
public static class AppHostCommand
{
    private static readonly Option<bool> Fresh = new("--fresh") { Description = "Wipe the state folder (databases, broker, objects) before starting." };
    private static readonly Option<string?> State = new("--state") { Description = "State folder (default: .state in the repository)." };
    private static readonly Option<string[]> Replicas = new("--replicas")
    {
        Description = "Processes per service, e.g. --replicas pipeline=3 (repeatable).", AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<string[]> Ports = new("--port")
    {
        Description = $"Port of a resource, e.g. --port gateway=8081 (repeatable; 0 = any free port). Names: {string.Join(", ", StackPorts.Names)}.",
        AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<string[]> Only = new("--only")
    {
        Description = "Start only these resources and what they need, e.g. --only postgres redis.", AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<string> GatewayAddress = new("--gateway-address")
    {
        Description = "Address the gateway listens on (default 127.0.0.1; 0.0.0.0 exposes it on every interface).",
        DefaultValueFactory = _ => "127.0.0.1",
    };
    private static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "The gateway's admin API key (at least 32 characters); default: one generated for the state folder and printed at start.",
    };
    private static readonly Option<string> EnvironmentName = new("--environment")
    {
        Description = "ASP.NET Core environment of the services.", DefaultValueFactory = _ => "Development",
    };

    public static RootCommand Create(Func<StackOptions, CancellationToken, Task<int>> run)
    {
        var root = new RootCommand("Runs the whole ContentMachine stack locally: PostgreSQL, Redis, RabbitMQ and an S3 store as "
            + "local processes, then the services and the gateway. Ctrl+C stops everything.")
        {
            Fresh, State, Replicas, Ports, Only, GatewayAddress, ApiKey, EnvironmentName,
        };
        root.SetAction((result, ct) => run(ToOptions(result), ct));
        return root;
    }

    internal static StackOptions ToOptions(ParseResult result)
    {
        var ports = new StackPorts();
        foreach (var (name, value) in Pairs(result.GetValue(Ports), "--port")) ports = ports.With(name, value);
        var replicas = Pairs(result.GetValue(Replicas), "--replicas").ToDictionary(p => p.Name, p => p.Value >= 1
            ? p.Value
            : throw new ArgumentException($"--replicas {p.Name}={p.Value}: at least one replica is needed."));
        foreach (var service in replicas.Keys.Where(s => !ContentMachineModel.ServiceNames.Contains(s)))
            throw new ArgumentException($"--replicas {service}: not a service; services are {string.Join(", ", ContentMachineModel.ServiceNames)}.");
        return new StackOptions
        {
            Fresh = result.GetValue(Fresh),
            StateDirectory = result.GetValue(State),
            Ports = ports,
            Replicas = replicas,
            Only = result.GetValue(Only) is { Length: > 0 } only ? only : null,
            GatewayBindAddress = result.GetValue(GatewayAddress)!,
            AdminApiKey = result.GetValue(ApiKey) is { } key
                ? key.Length >= 32 && !key.Any(char.IsWhiteSpace) ? key : throw new ArgumentException("--api-key: at least 32 characters, no spaces.")
                : null,
            EnvironmentName = result.GetValue(EnvironmentName)!,
        };
    }

    private static IEnumerable<(string Name, int Value)> Pairs(string[]? values, string option)
    {
        foreach (var value in values ?? [])
        {
            var parts = value.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[1], out var number) || number < 0)
                throw new ArgumentException($"{option} {value}: expected name=number.");
            yield return (parts[0].Trim().ToLowerInvariant(), number);
        }
    }
}
