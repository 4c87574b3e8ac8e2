namespace Booking.Core.Domain;

public enum NotificationKind
{
    /// <summary>A reminder a fixed offset before the start (C8).</summary>
    Reminder = 0,

    /// <summary>The request for a review after the visit (C9).</summary>
    ReviewRequest = 1,
}

/// <summary>A reminder or review request the bot owes a client about one booking, planned with the booking (see <see cref="OutboxMessage"/>).</summary>
public sealed class Notification : OutboxMessage
{
    private Notification()
    {
    }

    internal Notification(NotificationKind kind, int offsetMinutes, DateTime dueUtc)
    {
        Kind = kind;
        OffsetMinutes = offsetMinutes;
        DueUtc = dueUtc;
    }

    public int BookingId { get; private set; }
    public Booking? Booking { get; private set; }
    public NotificationKind Kind { get; private set; }

    /// <summary>Minutes before the start for a reminder; minutes after the end for a review request.</summary>
    public int OffsetMinutes { get; private set; }
}
