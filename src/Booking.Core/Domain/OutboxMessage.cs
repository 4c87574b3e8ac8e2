namespace Booking.Core.Domain;

public enum NotificationStatus
{
    Pending = 0,

    /// <summary>Claimed by a sender until <see cref="OutboxMessage.LeaseUntilUtc"/>; only an expired lease is claimed again.</summary>
    Sending = 1,
    Sent = 2,

    /// <summary>What it was about is gone (the booking was cancelled or moved, the wait ended), or the client blocked the bot.</summary>
    Cancelled = 3,

    /// <summary>Its moment passed, or what it would offer is gone, before it was sent; sending it would mislead.</summary>
    Skipped = 4,
    Failed = 5,
}

/// <summary>
/// A message the bot owes a client, stored in the same transaction as the change that calls for it so it survives
/// restarts, and claimed with a lease before it is sent so two bot processes never send it twice. Reminders and review
/// requests (<see cref="Notification"/>) and waitlist offers (<see cref="WaitlistOffer"/>) share this life cycle.
/// </summary>
public abstract class OutboxMessage
{
    public const int MaxAttempts = 5;

    public int Id { get; private set; }
    public DateTime DueUtc { get; protected set; }
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
