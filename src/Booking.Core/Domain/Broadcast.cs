namespace Booking.Core.Domain;

/// <summary>Who a broadcast goes to (A7).</summary>
public enum AudienceKind
{
    All = 0,

    /// <summary>Clients with a confirmed booking still ahead.</summary>
    WithFutureBookings = 1,

    /// <summary>Clients who have not written to the bot for a number of days.</summary>
    Inactive = 2,
}

/// <summary>An audience: a kind, and for <see cref="AudienceKind.Inactive"/> the number of days.</summary>
public sealed record Audience(AudienceKind Kind, int InactiveDays = 0)
{
    public static readonly int[] InactiveChoices = [30, 60, 90];

    public static Audience All { get; } = new(AudienceKind.All);

    public static Audience WithFutureBookings { get; } = new(AudienceKind.WithFutureBookings);

    public static Audience InactiveFor(int days) => new(AudienceKind.Inactive, days);
}

public enum BroadcastStatus
{
    Sending = 0,
    Done = 1,
}

public enum RecipientStatus
{
    Pending = 0,

    /// <summary>Claimed by a sender until <see cref="BroadcastRecipient.LeaseUntilUtc"/>; only an expired lease is claimed again.</summary>
    Sending = 1,
    Sent = 2,
    Failed = 3,

    /// <summary>The client blocked the bot, before the broadcast or when it reached them.</summary>
    Blocked = 4,
}

/// <summary>
/// A message an admin sends to many clients (A7). The text is kept as typed and escaped when sent; one
/// <see cref="BroadcastRecipient"/> per client is written with it, so sending can stop and resume at any point.
/// </summary>
public sealed class Broadcast
{
    public const int MaxTextLength = 4096;

    private Broadcast()
    {
        Text = string.Empty;
    }

    public Broadcast(string text, Audience audience, long createdBy, int? progressMessageId, int total, DateTime nowUtc)
    {
        Text = text;
        Audience = audience.Kind;
        InactiveDays = audience.Kind == AudienceKind.Inactive ? audience.InactiveDays : null;
        CreatedBy = createdBy;
        ProgressMessageId = progressMessageId;
        Total = total;
        CreatedUtc = nowUtc;
        Status = BroadcastStatus.Sending;
    }

    public int Id { get; private set; }
    public string Text { get; private set; }
    public AudienceKind Audience { get; private set; }
    public int? InactiveDays { get; private set; }
    public long CreatedBy { get; private set; }

    /// <summary>The message in the admin's chat that shows progress, edited in place.</summary>
    public int? ProgressMessageId { get; private set; }

    public DateTime CreatedUtc { get; private set; }
    public BroadcastStatus Status { get; private set; }
    public int Total { get; private set; }
    public int Sent { get; private set; }
    public int Blocked { get; private set; }
    public int Failed { get; private set; }
    public DateTime? FinishedUtc { get; private set; }

    public void Finish(int sent, int blocked, int failed, DateTime nowUtc)
    {
        (Sent, Blocked, Failed) = (sent, blocked, failed);
        Status = BroadcastStatus.Done;
        FinishedUtc = nowUtc;
    }
}

/// <summary>One client's copy of a broadcast; its status is the only record of whether it was sent.</summary>
public sealed class BroadcastRecipient
{
    /// <summary>Tries for errors that may pass (5xx, network) before the copy counts as failed.</summary>
    public const int MaxAttempts = 3;

    private BroadcastRecipient()
    {
    }

    public BroadcastRecipient(int broadcastId, long clientId)
    {
        BroadcastId = broadcastId;
        ClientId = clientId;
        Status = RecipientStatus.Pending;
    }

    public int Id { get; private set; }
    public int BroadcastId { get; private set; }
    public long ClientId { get; private set; }
    public RecipientStatus Status { get; private set; }
    public DateTime? LeaseUntilUtc { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? SentUtc { get; private set; }
    public string? LastError { get; private set; }

    public void Claim(DateTime nowUtc, TimeSpan lease)
    {
        Status = RecipientStatus.Sending;
        LeaseUntilUtc = nowUtc + lease;
        Attempts++;
    }

    public void MarkSent(DateTime nowUtc)
    {
        Status = RecipientStatus.Sent;
        SentUtc = nowUtc;
        LeaseUntilUtc = null;
        LastError = null;
    }

    public void MarkBlocked()
    {
        Status = RecipientStatus.Blocked;
        LeaseUntilUtc = null;
    }

    /// <summary>A final refusal (a 4xx other than flood control), or a passing error tried too often.</summary>
    public void MarkFailed(string error, bool final, DateTime nowUtc)
    {
        LastError = error.Length > 500 ? error[..500] : error;
        if (final || Attempts >= MaxAttempts)
        {
            Status = RecipientStatus.Failed;
            LeaseUntilUtc = null;
            return;
        }

        LeaseUntilUtc = nowUtc + TimeSpan.FromMinutes(Attempts);
    }

    /// <summary>Flood control (429) held the copy back: it is tried again after the wait, and the try does not count.</summary>
    public void Postpone(DateTime untilUtc)
    {
        Attempts = Math.Max(0, Attempts - 1);
        LeaseUntilUtc = untilUtc;
    }

    /// <summary>Claimed but never tried (the sender stopped): back in the queue at once.</summary>
    public void Release()
    {
        if (Status == RecipientStatus.Sending)
        {
            Status = RecipientStatus.Pending;
            LeaseUntilUtc = null;
            Attempts = Math.Max(0, Attempts - 1);
        }
    }
}
