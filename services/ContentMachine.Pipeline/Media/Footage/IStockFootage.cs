namespace ContentMachine.Pipeline.Media.Footage;

/// <summary>A source of ready-made clips for a scene, found by keywords.</summary>
public interface IStockFootage
{
    /// <summary>Downloads a portrait clip for the keywords, at least <paramref name="minSeconds"/> long where one exists,
    /// to <paramref name="outputPath"/>; false when nothing fits.</summary>
    Task<bool> TryDownloadAsync(string keywords, double minSeconds, string outputPath, CancellationToken ct);
}
