using ContentMachine.Publishing.Tests.Export;
using ContentMachine.Publishing.YouTube;

namespace ContentMachine.Publishing.Tests.YouTube;

public sealed class ShortsRulesTests
{
    [Theory]
    [InlineData(1080, 1920, 45, null)]
    [InlineData(1080, 1080, 180, null)]
    [InlineData(1920, 1080, 30, "landscape")]
    [InlineData(1080, 1920, 181, "at most 180 s")]
    [InlineData(0, 0, 10, "no readable video stream")]
    public void A_short_is_vertical_or_square_and_at_most_180_seconds(int width, int height, double seconds, string? problem)
    {
        var result = ShortsRules.Check(new VideoShape(width, height, seconds));

        if (problem is null) result.Should().BeNull();
        else result.Should().Contain(problem);
    }

    [Fact]
    public async Task The_probe_reads_a_real_file()
    {
        var folder = Directory.CreateTempSubdirectory("publishing-probe-").FullName;
        try
        {
            var path = await MediaSamples.VideoAsync(folder, 640, 360, 1);
            var shape = await new VideoProbe(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).ProbeAsync(path, default);

            shape.Should().Match<VideoShape>(s => s.Width == 640 && s.Height == 360 && Math.Abs(s.DurationSeconds - 1) < 0.2);
            ShortsRules.Check(shape).Should().Contain("landscape");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
