using ContentMachine.Publishing.Quota;

namespace ContentMachine.Publishing.Tests.Platforms;

public sealed class QuotaWindowTests
{
    [Fact]
    public void The_quota_day_runs_from_midnight_to_midnight_pacific_time()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

        var winter = QuotaWindow.At(DateTimeOffset.Parse("2026-01-15T07:59:00Z"), zone);
        var summer = QuotaWindow.At(DateTimeOffset.Parse("2026-07-15T07:00:00Z"), zone);

        winter.Should().Be(new QuotaWindow("2026-01-14", DateTimeOffset.Parse("2026-01-14T08:00:00Z"), DateTimeOffset.Parse("2026-01-15T08:00:00Z")));
        summer.Should().Be(new QuotaWindow("2026-07-15", DateTimeOffset.Parse("2026-07-15T07:00:00Z"), DateTimeOffset.Parse("2026-07-16T07:00:00Z")));
    }
}
