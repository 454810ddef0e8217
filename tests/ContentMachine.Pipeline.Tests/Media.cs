namespace ContentMachine.Pipeline.Tests;

/// <summary>The media services as the pipeline builds them, with default options and no logging.</summary>
public static class Media
{
    public static IOptions<MediaOptions> Options(MediaOptions? options = null) => Microsoft.Extensions.Options.Options.Create(options ?? new MediaOptions());

    public static FfmpegRunner Runner() => new(Options(), NullLogger<FfmpegRunner>.Instance);

    public static MediaProbe Probe(FfmpegRunner? runner = null) => new(runner ?? Runner(), Options());

    public static EspeakNarrator Narrator() => new(Options(), NullLogger<EspeakNarrator>.Instance);

    public static BackgroundPainter Painter(FfmpegRunner runner, int width = 1188, int height = 2112) =>
        new(runner, NullLogger<BackgroundPainter>.Instance) { Width = width, Height = height };

    public static WordTiming W(string word, int start, int end) => new(word, start, end);
}
