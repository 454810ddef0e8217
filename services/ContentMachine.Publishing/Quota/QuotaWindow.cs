namespace ContentMachine.Publishing.Quota;

/// <summary>One day of quota, from local midnight to the next in the quota's time zone.</summary>
public sealed record QuotaWindow(string Day, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public static QuotaWindow At(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        return new QuotaWindow(midnight.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Utc(midnight, zone), Utc(midnight.AddDays(1), zone));
    }

    private static DateTimeOffset Utc(DateTime localMidnight, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
}
