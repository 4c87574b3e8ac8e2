namespace Booking.Core.Domain;

public enum NotificationKind
{
    /// <summary>A reminder a fixed offset before the start (C8).</summary>
    Reminder = 0,

    /// <summary>The request for a review after the visit (C9).</summary>
    ReviewRequest = 1,
}

public enum NotificationStatus
{
    Pending = 0,

    /// <summary>Claimed by a sender until <see cref="Notification.LeaseUntilUtc"/>; only an expired lease is claimed again.</summary>
    Sending = 1,
    Sent = 2,

    /// <summary>The booking was cancelled or moved, or the client blocked the bot.</summary>
    Cancelled = 3,

    /// <summary>Its moment passed without it being sent (the bot was down too long); sending it late would mislead.</summary>
    Skipped = 4,
    Failed = 5,
}

/// <summary>
/// A message the bot owes a client at a given instant, stored with the booking in the same transaction so it
/// survives restarts; claimed before it is sent, so two bot processes never send it twice.
/// </summary>
public sealed class Notification
{
    public const int MaxAttempts = 5;

    private Notification()
    {
    }

    internal Notification(NotificationKind kind, int offsetMinutes, DateTime dueUtc)
    {
        Kind = kind;
        OffsetMinutes = offsetMinutes;
        DueUtc = dueUtc;
        Status = NotificationStatus.Pending;
    }

    public int Id { get; private set; }
    public int BookingId { get; private set; }
    public Booking? Booking { get; private set; }
    public NotificationKind Kind { get; private set; }

    /// <summary>Minutes before the start for a reminder; minutes after the end for a review request.</summary>
    public int OffsetMinutes { get; private set; }

    public DateTime DueUtc { get; private set; }
    public NotificationStatus Status { get; private set; }
    public DateTime? LeaseUntilUtc { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? SentUtc { get; private set; }
    public int? TelegramMessageId { get; private set; }
    public string? LastError { get; private set; }

    public bool IsOpen => Status is NotificationStatus.Pending or NotificationStatus.Sending;

    public void Claim(DateTime nowUtc, TimeSpan lease)
    {
        Status = NotificationStatus.Sending;
        LeaseUntilUtc = nowUtc + lease;
        Attempts++;
    }

    public void MarkSent(int? messageId, DateTime nowUtc)
    {
        Status = NotificationStatus.Sent;
        SentUtc = nowUtc;
        TelegramMessageId = messageId;
        LeaseUntilUtc = null;
        LastError = null;
    }

    /// <summary>
    /// A failed attempt keeps its claim for a growing pause (1, 2, 3… minutes), after which any sender may retry it,
    /// until it has been tried <see cref="MaxAttempts"/> times.
    /// </summary>
    public void MarkFailed(string error, DateTime nowUtc)
    {
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = NotificationStatus.Failed;
            LeaseUntilUtc = null;
            return;
        }

        Status = NotificationStatus.Sending;
        LeaseUntilUtc = nowUtc + TimeSpan.FromMinutes(Attempts);
    }

    public void Skip(string reason)
    {
        Status = NotificationStatus.Skipped;
        LastError = reason;
        LeaseUntilUtc = null;
    }

    public void Cancel()
    {
        if (IsOpen)
        {
            Status = NotificationStatus.Cancelled;
            LeaseUntilUtc = null;
        }
    }
}
