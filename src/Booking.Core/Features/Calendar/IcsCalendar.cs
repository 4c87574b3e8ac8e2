using Booking.Core.Scheduling;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Booking.Core.Features.Calendar;

/// <summary>One visit as a calendar event. The UID stays with the booking for life; SEQUENCE grows with each change.</summary>
public sealed record CalendarEntry(string Uid, int Sequence, DateTime StartUtc, DateTime EndUtc, string Summary)
{
    public string? Location { get; init; }

    public string? Description { get; init; }

    /// <summary>A display alarm this many minutes before the start; none when null.</summary>
    public int? AlarmMinutesBefore { get; init; }
}

/// <summary>
/// Writes iCalendar (RFC 5545) text with Ical.Net. Times carry the business zone (TZID plus a VTIMEZONE built from the
/// IANA rules) so calendars show the visit at the salon's clock time and move it correctly across DST; see ADR 0021.
/// A zone the iCalendar side does not know, and a local time that a DST fall-back makes ambiguous, are written as UTC
/// instants instead, which every calendar reads the same way.
/// </summary>
public static class IcsCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string ProductId = "-//BookingBot//Bookings//EN";

    public static string Write(IReadOnlyCollection<CalendarEntry> entries, TimeZoneInfo zone, DateTime stampUtc, string? name = null)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = "PUBLISH" };
        var earliest = entries.Count == 0 ? stampUtc : entries.Min(e => e.StartUtc);
        var tzId = TryAddZone(calendar, zone, earliest.AddDays(-1));
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
            calendar.AddProperty("X-WR-TIMEZONE", zone.Id);

            // A hint for Apple and Outlook to refresh hourly; Google keeps its own schedule.
            calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        }

        foreach (var entry in entries)
        {
            calendar.Events.Add(Event(entry, zone, tzId, stampUtc));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    public static string FileName(DateTime startUtc, TimeZoneInfo zone) =>
        $"booking-{LocalTime.ToLocal(startUtc, zone):yyyy-MM-dd-HHmm}.ics";

    private static CalendarEvent Event(CalendarEntry entry, TimeZoneInfo zone, string? tzId, DateTime stampUtc)
    {
        var e = new CalendarEvent
        {
            Uid = entry.Uid,
            Sequence = entry.Sequence,
            Summary = entry.Summary,
            Location = string.IsNullOrWhiteSpace(entry.Location) ? null : entry.Location,
            Description = string.IsNullOrWhiteSpace(entry.Description) ? null : entry.Description,
            DtStamp = Utc(stampUtc),
            DtStart = At(entry.StartUtc, zone, tzId),
            DtEnd = At(entry.EndUtc, zone, tzId),
            Status = "CONFIRMED",
            Transparency = "OPAQUE",
        };
        if (entry.AlarmMinutesBefore is { } minutes)
        {
            e.Alarms.Add(new Alarm
            {
                Action = "DISPLAY",
                Description = entry.Summary,
                Trigger = new Trigger(Duration.FromMinutes(-minutes)),
            });
        }

        return e;
    }

    private static CalDateTime At(DateTime utc, TimeZoneInfo zone, string? tzId)
    {
        var local = LocalTime.ToLocal(utc, zone);
        return tzId is null || zone.IsAmbiguousTime(local)
            ? Utc(utc)
            : new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), tzId);
    }

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), CalDateTime.UtcTzId);

    /// <summary>The zone's TZID once its VTIMEZONE is in the calendar; null when only UTC can be written.</summary>
    private static string? TryAddZone(Ical.Net.Calendar calendar, TimeZoneInfo zone, DateTime earliestUtc)
    {
        if (zone.Id is "UTC" or "Etc/UTC")
        {
            return null;
        }

        try
        {
            calendar.AddTimeZone(zone.Id, DateTime.SpecifyKind(earliestUtc, DateTimeKind.Unspecified), includeHistoricalData: false);
            return zone.Id;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NodaTime.TimeZones.DateTimeZoneNotFoundException)
        {
            return null;
        }
    }
}
