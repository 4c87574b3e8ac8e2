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

    /// <summary>Hours within one day: closing after opening (there is no 24:00; a day open to midnight closes at 23:59).</summary>
    public static bool IsValidHours(TimeOnly opens, TimeOnly closes) => closes > opens;

    public void SetHours(TimeOnly opens, TimeOnly closes)
    {
        if (!IsValidHours(opens, closes))
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
        WorkingDay.IsValidHours(opens, closes)
            ? new(date, false, opens, closes, note)
            : throw new ArgumentException("Closing time must be after opening time.", nameof(closes));

    public const int MaxNoteLength = 256;

    /// <summary>Takes over what another exception for the same date says, so an existing row is changed rather than replaced.</summary>
    public void ChangeTo(SpecialDay wanted)
    {
        if (wanted.Date != Date)
        {
            throw new ArgumentException("A special day can only take over one for the same date.", nameof(wanted));
        }

        (IsClosed, Opens, Closes, Note) = (wanted.IsClosed, wanted.Opens, wanted.Closes, wanted.Note);
    }
}
