namespace Booking.Core.Domain;

public enum WaitStatus
{
    Waiting = 0,

    /// <summary>The client booked that service on that day, through an offer or the calendar.</summary>
    Booked = 1,

    /// <summary>The client said they no longer wait.</summary>
    Left = 2,

    /// <summary>The day ended while they were still waiting.</summary>
    Expired = 3,
}

/// <summary>
/// X4: a client waits for time to free up for one service on one full day. The local day is kept with its UTC bounds,
/// so a freed interval finds the waits it concerns without the business zone (see ADR 0024).
/// </summary>
public sealed class WaitlistEntry
{
    private readonly List<WaitlistOffer> _offers = [];

    private WaitlistEntry()
    {
    }

    public WaitlistEntry(long clientId, int serviceId, DateOnly date, Interval dayUtc, DateTime nowUtc)
    {
        ClientId = clientId;
        ServiceId = serviceId;
        Date = date;
        DayStartUtc = dayUtc.StartUtc;
        DayEndUtc = dayUtc.EndUtc;
        Status = WaitStatus.Waiting;
        CreatedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public long ClientId { get; private set; }
    public Client? Client { get; private set; }
    public int ServiceId { get; private set; }
    public Service? Service { get; private set; }

    /// <summary>The local day waited for.</summary>
    public DateOnly Date { get; private set; }

    public DateTime DayStartUtc { get; private set; }
    public DateTime DayEndUtc { get; private set; }
    public WaitStatus Status { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime? ClosedUtc { get; private set; }

    public IReadOnlyList<WaitlistOffer> Offers => _offers;

    public bool IsWaiting => Status == WaitStatus.Waiting;

    /// <summary>
    /// Time freed on the day: an offer is queued, unless one is already queued and not yet claimed (it will show whatever
    /// is free when it is sent, so a second would only repeat it). One being sent right now was drawn without this time,
    /// so another is queued after it. Needs the open offers loaded.
    /// </summary>
    public void Wake(DateTime nowUtc)
    {
        if (IsWaiting && !_offers.Any(o => o.Status == NotificationStatus.Pending))
        {
            _offers.Add(new WaitlistOffer(nowUtc));
        }
    }

    /// <summary>Ends the wait; an offer not yet sent is dropped. Needs the open offers loaded.</summary>
    public void Close(WaitStatus how, DateTime nowUtc)
    {
        if (!IsWaiting || how == WaitStatus.Waiting)
        {
            return;
        }

        Status = how;
        ClosedUtc = nowUtc;
        foreach (var offer in _offers)
        {
            offer.Cancel();
        }
    }
}

/// <summary>"Time has freed up on your day": sent through the outbox to everyone waiting, with the free times as buttons.</summary>
public sealed class WaitlistOffer : OutboxMessage
{
    private WaitlistOffer()
    {
    }

    internal WaitlistOffer(DateTime dueUtc) => DueUtc = dueUtc;

    public int EntryId { get; private set; }
    public WaitlistEntry? Entry { get; private set; }
}
