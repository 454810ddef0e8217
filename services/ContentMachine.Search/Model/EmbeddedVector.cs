namespace ContentMachine.Search.Model;

/// <summary>A point of the embedded index as searchdb keeps it (the index itself lives in memory, loaded at start).</summary>
public sealed class EmbeddedVector
{
    public Guid Id { get; private set; }
    public float[] Vector { get; private set; } = [];
    public SearchPayload Payload { get; private set; } = null!;
    public DateTimeOffset UpdatedAt { get; private set; }

    public static EmbeddedVector Create(Guid id) => new() { Id = id };

    public void Update(float[] vector, SearchPayload payload, DateTimeOffset now)
    {
        Vector = vector;
        Payload = payload;
        UpdatedAt = now;
    }
}
