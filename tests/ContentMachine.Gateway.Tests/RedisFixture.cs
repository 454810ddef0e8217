namespace ContentMachine.Gateway.Tests;

/// <summary>A real Redis, started through the AppHost's API, shared by the gateway tests of the collection (each gateway
/// has keys of its own, so buckets never collide).</summary>
public sealed class RedisFixture() : BackingServersFixture("redis")
{
    public string ConnectionString => Stack.ConnectionString("redis");
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
