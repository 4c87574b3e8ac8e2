using Booking.Core.Domain;

namespace Booking.Core.Scheduling;

/// <summary>Conversions between the business's wall clock and UTC instants, with DST handled deliberately.</summary>
public static class LocalTime
{
    /// <summary>
    /// Local wall time to UTC. A time skipped by a spring-forward gap is moved past the gap; an ambiguous time in
    /// an autumn fall-back is read as the first (daylight) occurrence, the one a person means by "09:00".
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            // Read the skipped time with the offset in force before the jump (the one a day earlier), so it lands as
            // far past the gap as it was into it, whatever the gap's size: 02:30 in a 02:00→03:00 jump is 03:30.
            var offsetBefore = zone.GetUtcOffset(unspecified.AddDays(-1));
            return DateTime.SpecifyKind(unspecified - offsetBefore, DateTimeKind.Utc);
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            var offset = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    public static DateTime ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone) => ToUtc(date.ToDateTime(time), zone);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateOnly Today(DateTime nowUtc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(nowUtc, zone));

    /// <summary>The UTC instants bounding a local calendar date.</summary>
    public static Interval DayBounds(DateOnly date, TimeZoneInfo zone) =>
        new(ToUtc(date, TimeOnly.MinValue, zone), ToUtc(date.AddDays(1), TimeOnly.MinValue, zone));
}
