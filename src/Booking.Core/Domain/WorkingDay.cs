namespace Booking.Core.Domain;

/// <summary>Regular opening hours for one weekday, in the business's local time.</summary>
public sealed class WorkingDay
{
    private WorkingDay()
    {
    }

    public WorkingDay(DayOfWeek weekday, TimeOnly opens, TimeOnly closes, bool isOpen = true)
    {
        Weekday = weekday;
        SetHours(opens, closes);
        IsOpen = isOpen;
    }

    public DayOfWeek Weekday { get; private set; }
    public bool IsOpen { get; private set; }
    public TimeOnly Opens { get; private set; }
    public TimeOnly Closes { get; private set; }

    public void SetHours(TimeOnly opens, TimeOnly closes)
    {
        if (closes <= opens)
        {
            throw new ArgumentException("Closing time must be after opening time.", nameof(closes));
        }

        Opens = opens;
        Closes = closes;
        IsOpen = true;
    }

    public void Close() => IsOpen = false;
}

/// <summary>A date that differs from the weekly schedule: a holiday (closed) or special hours.</summary>
public sealed class SpecialDay
{
    private SpecialDay()
    {
    }

    private SpecialDay(DateOnly date, bool isClosed, TimeOnly? opens, TimeOnly? closes, string? note)
    {
        Date = date;
        IsClosed = isClosed;
        Opens = opens;
        Closes = closes;
        Note = note;
    }

    public DateOnly Date { get; private set; }
    public bool IsClosed { get; private set; }
    public TimeOnly? Opens { get; private set; }
    public TimeOnly? Closes { get; private set; }
    public string? Note { get; private set; }

    public static SpecialDay Closed(DateOnly date, string? note = null) => new(date, true, null, null, note);

    public static SpecialDay SpecialHours(DateOnly date, TimeOnly opens, TimeOnly closes, string? note = null) =>
        closes > opens
            ? new(date, false, opens, closes, note)
            : throw new ArgumentException("Closing time must be after opening time.", nameof(closes));
}
