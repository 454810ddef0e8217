namespace ContentMachine.Search.Tests;

/// <summary>Seeded random vectors (Gaussian components, so directions are uniform) and payloads.</summary>
internal static class RandomVectors
{
    public static float[] Next(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // Box-Muller
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            vector[i] = (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return vector;
    }

    public static Guid NextId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public static SearchPayload Payload(Guid id, string status = SearchStatus.Scripted, string topic = "topic") =>
        new(id, $"Title {id:N}", topic, "listicle", status, DateTimeOffset.UnixEpoch, ["youtube"]);
}
