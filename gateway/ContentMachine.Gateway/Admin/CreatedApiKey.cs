namespace ContentMachine.Gateway.Admin;

/// <summary>The answer to a create: the key in clear, this once, with what the list shows of it.</summary>
public sealed record CreatedApiKey(string Key, ApiKeyView Details);
