using Booking.Core.Features.Calendar;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Features.Calendar;

/// <summary>X2: the iCalendar text is read back by Ical.Net's own parser and checked line by line, in Moscow and across Berlin's DST.</summary>
public sealed class IcsCalendarTests
{
    private static readonly DateTime Stamp = new(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);

    private static CalendarEntry Entry(DateTime startUtc, int minutes = 60) =>
        new("booking-7-20261201T060000Z@bookingbot", 0, startUtc, startUtc.AddMinutes(minutes), "Massage")
        {
            Location = "Tverskaya 1, Moscow", Description = "Massage, 1 h\nSee you!", AlarmMinutesBefore = 60,
        };

    private static Ical.Net.CalendarComponents.CalendarEvent ParseSingle(string ics) =>
        Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);

    [Fact]
    public void A_Moscow_visit_is_written_at_the_salon_clock_time_with_its_zone_and_reads_back_as_the_same_instant()
    {
        var zone = BusinessZone.Resolve("Europe/Moscow");
        var startUtc = new DateTime(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc); // 10:00 in Moscow

        var ics = IcsCalendar.Write([Entry(startUtc)], zone, Stamp);

        Assert.Contains("DTSTART;TZID=Europe/Moscow:20261202T100000", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Moscow:20261202T110000", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Moscow", ics, StringComparison.Ordinal);
        Assert.Contains("METHOD:PUBLISH", ics, StringComparison.Ordinal);
        var e = ParseSingle(ics);
        Assert.Equal(startUtc, e.DtStart!.AsUtc);
        Assert.Equal(startUtc.AddHours(1), e.DtEnd!.AsUtc);
        Assert.Equal("Massage", e.Summary);
        Assert.Equal("Tverskaya 1, Moscow", e.Location);
        Assert.Equal("Massage, 1 h\nSee you!", e.Description);
        Assert.Equal("booking-7-20261201T060000Z@bookingbot", e.Uid);
    }

    [Fact]
    public void The_alarm_is_a_display_reminder_the_given_minutes_before_the_start()
    {
        var ics = IcsCalendar.Write([Entry(new DateTime(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc))], BusinessZone.Resolve("Europe/Moscow"), Stamp);

        var alarm = Assert.Single(ParseSingle(ics).Alarms);
        Assert.Equal("DISPLAY", alarm.Action);
        Assert.Equal(TimeSpan.FromMinutes(-60), alarm.Trigger!.Duration!.Value.ToTimeSpanUnspecified());
        Assert.Contains("\r\nTRIGGER:-PT60M\r\n", ics, StringComparison.Ordinal); // RFC 5545 lines end in CRLF
    }

    [Fact]
    public void Berlin_visits_on_both_sides_of_the_autumn_change_keep_their_clock_time_and_their_instant()
    {
        var zone = BusinessZone.Resolve("Europe/Berlin");
        var summer = new DateTime(2026, 10, 24, 8, 0, 0, DateTimeKind.Utc); // Saturday 10:00 CEST (UTC+2)
        var winter = new DateTime(2026, 10, 26, 9, 0, 0, DateTimeKind.Utc); // Monday 10:00 CET (UTC+1)

        var ics = IcsCalendar.Write([Entry(summer), Entry(winter) with { Uid = "booking-8-x@bookingbot" }], zone, Stamp);

        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261024T100000", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261026T100000", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:DAYLIGHT", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:STANDARD", ics, StringComparison.Ordinal);
        var starts = Ical.Net.Calendar.Load(ics)!.Events.Select(e => e.DtStart!.AsUtc).Order().ToList();
        Assert.Equal([summer, winter], starts);
    }

    [Fact]
    public void A_visit_spanning_the_spring_change_lasts_its_real_length()
    {
        var zone = BusinessZone.Resolve("Europe/Berlin");
        var start = new DateTime(2027, 3, 28, 0, 30, 0, DateTimeKind.Utc); // 01:30 CET; at 02:00 clocks jump to 03:00

        var e = ParseSingle(IcsCalendar.Write([Entry(start, 90)], zone, Stamp));

        Assert.Equal(start, e.DtStart!.AsUtc);
        Assert.Equal(start.AddMinutes(90), e.DtEnd!.AsUtc);
    }

    [Fact]
    public void A_clock_time_that_happens_twice_in_the_autumn_is_written_as_an_exact_UTC_instant()
    {
        var zone = BusinessZone.Resolve("Europe/Berlin");
        var secondTwoThirty = new DateTime(2026, 10, 25, 1, 30, 0, DateTimeKind.Utc); // 02:30 CET, after 02:30 CEST

        var ics = IcsCalendar.Write([Entry(secondTwoThirty)], zone, Stamp);

        Assert.Contains("DTSTART:20261025T013000Z", ics, StringComparison.Ordinal);
        Assert.Equal(secondTwoThirty, ParseSingle(ics).DtStart!.AsUtc);
    }

    [Fact]
    public void The_stamp_comes_from_the_given_clock_not_the_machine()
    {
        var ics = IcsCalendar.Write([Entry(new DateTime(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc))], BusinessZone.Resolve("Europe/Moscow"), Stamp);

        Assert.Contains("DTSTAMP:20261201T060000Z", ics, StringComparison.Ordinal);
    }
}
