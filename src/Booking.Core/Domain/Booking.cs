namespace Booking.Core.Domain;

/// <summary>
/// One appointment. Its start is a UTC instant; its duration and price are copied from the service when booked,
/// so later edits of the service never rewrite history or overlap maths.
/// </summary>
public sealed class Booking
{
    private readonly List<BookingHistoryEntry> _history = [];

    private Booking()
    {
        Currency = string.Empty;
    }

    private Booking(long clientId, Service service, DateTime startUtc, DateTime nowUtc)
    {
        ClientId = clientId;
        ServiceId = service.Id;
        StartUtc = startUtc;
        DurationMinutes = service.DurationMinutes;
        EndUtc = startUtc.AddMinutes(service.DurationMinutes);
        Price = service.Price;
        Currency = service.Currency;
        Status = BookingStatus.Confirmed;
        CreatedUtc = nowUtc;
        UpdatedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public long ClientId { get; private set; }
    public Client? Client { get; private set; }
    public int ServiceId { get; private set; }
    public Service? Service { get; private set; }
    public DateTime StartUtc { get; private set; }
    public int DurationMinutes { get; private set; }

    /// <summary>Stored, not computed, so the overlap query is a plain range comparison on indexed columns.</summary>
    public DateTime EndUtc { get; private set; }

    public decimal Price { get; private set; }
    public string Currency { get; private set; }
    public BookingStatus Status { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }
    public string? CancelReason { get; private set; }

    public IReadOnlyList<BookingHistoryEntry> History => _history;

    public bool IsActive => Status == BookingStatus.Confirmed;

    public static Booking Create(long clientId, Service service, DateTime startUtc, Actor by, long? actorId, DateTime nowUtc)
    {
        var booking = new Booking(clientId, service, startUtc, nowUtc);
        booking._history.Add(new BookingHistoryEntry(BookingChange.Created, by, actorId, null, startUtc, null, nowUtc));
        return booking;
    }

    public void Cancel(Actor by, long? actorId, string? reason, DateTime nowUtc)
    {
        EnsureActive();
        Status = BookingStatus.Cancelled;
        CancelReason = reason;
        UpdatedUtc = nowUtc;
        _history.Add(new BookingHistoryEntry(BookingChange.Cancelled, by, actorId, StartUtc, null, reason, nowUtc));
    }

    public void MoveTo(DateTime newStartUtc, Actor by, long? actorId, DateTime nowUtc)
    {
        EnsureActive();
        var from = StartUtc;
        StartUtc = newStartUtc;
        EndUtc = newStartUtc.AddMinutes(DurationMinutes);
        UpdatedUtc = nowUtc;
        _history.Add(new BookingHistoryEntry(BookingChange.Rescheduled, by, actorId, from, newStartUtc, null, nowUtc));
    }

    public Interval Interval => new(StartUtc, EndUtc);

    private void EnsureActive()
    {
        if (!IsActive)
        {
            throw new InvalidOperationException($"Booking {Id} is {Status}, not confirmed.");
        }
    }
}

/// <summary>One change of a booking (A12): what, by whom, from when to when, and why.</summary>
public sealed class BookingHistoryEntry
{
    private BookingHistoryEntry()
    {
    }

    internal BookingHistoryEntry(
        BookingChange change, Actor actor, long? actorId, DateTime? fromStartUtc, DateTime? toStartUtc, string? reason, DateTime atUtc)
    {
        Change = change;
        Actor = actor;
        ActorId = actorId;
        FromStartUtc = fromStartUtc;
        ToStartUtc = toStartUtc;
        Reason = reason;
        AtUtc = atUtc;
    }

    public int Id { get; private set; }
    public int BookingId { get; private set; }
    public BookingChange Change { get; private set; }
    public Actor Actor { get; private set; }
    public long? ActorId { get; private set; }
    public DateTime? FromStartUtc { get; private set; }
    public DateTime? ToStartUtc { get; private set; }
    public string? Reason { get; private set; }
    public DateTime AtUtc { get; private set; }
}
