using System.Reflection;
using System.Text.Json;
using ContentMachine.Contracts;

namespace ContentMachine.ServiceDefaults.Messaging;

/// <summary>The integration events of ContentMachine.Contracts by name, for storing them in an outbox and reading them back.</summary>
public static class IntegrationEventTypes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> ByName = typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IntegrationEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name);

    public static string NameOf(Type type) =>
        ByName.TryGetValue(type.Name, out var known) && known == type
            ? type.Name
            : throw new ArgumentException($"{type.FullName} is not an integration event of {typeof(IntegrationEvent).Assembly.GetName().Name}.");

    public static Type? Resolve(string name) => ByName.GetValueOrDefault(name);

    public static string Serialize(IntegrationEvent message) => JsonSerializer.Serialize(message, message.GetType(), Json);

    public static IntegrationEvent Deserialize(string name, string payload) =>
        (IntegrationEvent)(JsonSerializer.Deserialize(payload, Resolve(name) ?? throw new UnknownEventTypeException(name), Json)
            ?? throw new JsonException($"The payload of a {name} is empty."));

    public static IReadOnlyCollection<Type> All => ByName.Values;
}

public sealed class UnknownEventTypeException(string name) : Exception($"No integration event is named {name}.");
