using Booking.Core.Domain;

namespace Booking.Core.Scheduling;

/// <summary>Local opening and closing time of one day.</summary>
public readonly record struct OpeningHours(TimeOnly Opens, TimeOnly Closes);

/// <summary>The weekly schedule plus date exceptions: answers "when is the business open on this date?".</summary>
public sealed class WeekSchedule(IReadOnlyCollection<WorkingDay> days, IReadOnlyCollection<SpecialDay> exceptions)
{
    private readonly Dictionary<DayOfWeek, WorkingDay> _days = days.ToDictionary(d => d.Weekday);
    private readonly Dictionary<DateOnly, SpecialDay> _exceptions = exceptions.ToDictionary(e => e.Date);

    public OpeningHours? HoursOn(DateOnly date)
    {
        if (_exceptions.TryGetValue(date, out var exception))
        {
            return exception is { IsClosed: false, Opens: { } opens, Closes: { } closes } ? new OpeningHours(opens, closes) : null;
        }

        return _days.TryGetValue(date.DayOfWeek, out var day) && day.IsOpen ? new OpeningHours(day.Opens, day.Closes) : null;
    }
}
