using Booking.Core.Domain;
using Booking.Core.Scheduling;

namespace Booking.Core.Features.Availability;

/// <summary>
/// Everything availability depends on, loaded once for a range of days: rules, zone, hours and busy time.
/// Pure from here on, so the month calendar and the slot grid cost one round of queries.
/// </summary>
public sealed class Schedule(
    BusinessSettings settings, TimeZoneInfo zone, WeekSchedule week, DateTime nowUtc, IReadOnlyList<Interval> busy)
{
    public BusinessSettings Settings { get; } = settings;
    public TimeZoneInfo Zone { get; } = zone;
    public DateTime NowUtc { get; } = nowUtc;
    public DateOnly Today { get; } = LocalTime.Today(nowUtc, zone);

    /// <summary>The first month shown in the calendar (the current one).</summary>
    public DateOnly FirstMonth => new(Today.Year, Today.Month, 1);

    /// <summary>The first day of the last month that can be booked.</summary>
    public DateOnly LastMonth => FirstMonth.AddMonths(Settings.HorizonMonths);

    public DateOnly LastBookableDate => LastMonth.AddMonths(1).AddDays(-1);

    public bool IsWithinHorizon(DateOnly date) => date >= Today && date <= LastBookableDate;

    public SlotRules RulesFor(Service service) => new(
        service.DurationMinutes, service.SlotIntervalMinutes ?? Settings.SlotIntervalMinutes, Settings.MinNoticeMinutes);

    /// <summary>
    /// An admin's placement (A3: a move, a booking for a client): the service's grid without the client's minimum
    /// notice, so "now" is the only floor.
    /// </summary>
    public SlotRules AdminRulesFor(Service service) => RulesFor(service) with { MinNoticeMinutes = 0 };

    public IReadOnlyList<Slot> SlotsFor(Service service, DateOnly date) => SlotsFor(RulesFor(service), date);

    // The grid skips busy time that ended before a slot and stops at busy time starting after it, so it walks the
    // whole sorted list as it is: no per-day copy.
    public IReadOnlyList<Slot> SlotsFor(SlotRules rules, DateOnly date) =>
        IsWithinHorizon(date) ? SlotGrid.ForDay(date, week.HoursOn(date), Zone, rules, NowUtc, busy) : [];

    /// <summary>The local opening hours of a date, or null when closed.</summary>
    public OpeningHours? HoursOn(DateOnly date) => week.HoursOn(date);

    public DayLoad LoadOf(SlotRules rules, DateOnly date) =>
        IsWithinHorizon(date) ? SlotGrid.LoadOfDay(date, week.HoursOn(date), Zone, rules, NowUtc, busy) : DayLoad.Unavailable;

    public SlotCheck Check(Service service, DateTime startUtc) => Check(RulesFor(service), startUtc);

    /// <summary>The free slot starting at exactly this instant, or why there is none.</summary>
    public SlotCheck Check(SlotRules rules, DateTime startUtc)
    {
        if (startUtc < NowUtc.AddMinutes(rules.MinNoticeMinutes))
        {
            return SlotCheck.TooSoon;
        }

        var date = DateOnly.FromDateTime(LocalTime.ToLocal(startUtc, Zone));
        if (!IsWithinHorizon(date))
        {
            return SlotCheck.BeyondHorizon;
        }

        foreach (var slot in SlotsFor(rules, date))
        {
            if (slot.StartUtc == startUtc)
            {
                return slot.IsFree ? SlotCheck.Free : SlotCheck.Taken;
            }
        }

        return SlotCheck.NotOffered;
    }
}

public enum SlotCheck
{
    Free = 0,
    Taken = 1,
    TooSoon = 2,
    BeyondHorizon = 3,

    /// <summary>Not a slot the bot offers: outside hours, a day off, off the interval grid, or running past closing.</summary>
    NotOffered = 4,
}
