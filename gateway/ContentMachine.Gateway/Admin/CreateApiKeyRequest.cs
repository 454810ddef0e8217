namespace ContentMachine.Gateway.Admin;

/// <summary>A new key: who it is for, what it may do, and optionally until when.</summary>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);
