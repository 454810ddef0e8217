namespace ContentMachine.Storage.FunctionalTests;

public static class JsonExtensions
{
    /// <summary>The APIs leave null properties out: a missing property reads as null.</summary>
    public static string? OptionalString(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
