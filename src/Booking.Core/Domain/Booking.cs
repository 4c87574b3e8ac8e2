namespace Booking.Core.Domain;

/// <summary>
/// One appointment. Its start is a UTC instant; its duration and price are copied from the service when booked,
/// so later edits of the service never rewrite history or overlap maths.
/// </summary>
public sealed partial class Booking
{
    private readonly List<BookingHistoryEntry> _history = [];
    private readonly List<Notification> _notifications = [];

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

    /// <summary>When the client said "I'll come" (X5).</summary>
    public DateTime? AttendanceConfirmedUtc { get; private set; }

    public IReadOnlyList<BookingHistoryEntry> History => _history;

    public IReadOnlyList<Notification> Notifications => _notifications;

    public bool IsActive => Status == BookingStatus.Confirmed;

    public static Booking Create(
        long clientId, Service service, DateTime startUtc, Actor by, long? actorId, NotificationPlan plan, DateTime nowUtc)
    {
        var booking = new Booking(clientId, service, startUtc, nowUtc);
        booking._history.Add(new BookingHistoryEntry(BookingChange.Created, by, actorId, null, startUtc, null, nowUtc));
        booking.PlanNotifications(plan, nowUtc);
        return booking;
    }

    /// <summary>Cancels a confirmed booking, or a held one (X3) whose slot a block or an erasure takes away.</summary>
    public void Cancel(Actor by, long? actorId, string? reason, DateTime nowUtc)
    {
        if (!HoldsSlot)
        {
            EnsureActive();
        }

        HoldUntilUtc = null;
        Status = BookingStatus.Cancelled;
        CancelReason = reason;
        UpdatedUtc = nowUtc;
        _history.Add(new BookingHistoryEntry(BookingChange.Cancelled, by, actorId, StartUtc, null, reason, nowUtc));
        CancelOpenNotifications();
    }

    public void MoveTo(DateTime newStartUtc, Actor by, long? actorId, NotificationPlan plan, DateTime nowUtc)
    {
        EnsureActive();
        var from = StartUtc;
        StartUtc = newStartUtc;
        EndUtc = newStartUtc.AddMinutes(DurationMinutes);
        UpdatedUtc = nowUtc;
        AttendanceConfirmedUtc = null;
        _history.Add(new BookingHistoryEntry(BookingChange.Rescheduled, by, actorId, from, newStartUtc, null, nowUtc));
        CancelOpenNotifications();
        PlanNotifications(plan, nowUtc);
    }

    /// <summary>A8: the booking becomes another service — its duration and price follow; reminders are planned again.</summary>
    public void ChangeService(Service service, Actor by, long? actorId, NotificationPlan plan, DateTime nowUtc)
    {
        EnsureActive();
        ServiceId = service.Id;
        Service = service;
        DurationMinutes = service.DurationMinutes;
        EndUtc = StartUtc.AddMinutes(service.DurationMinutes);
        Price = service.Price;
        Currency = service.Currency;
        UpdatedUtc = nowUtc;
        _history.Add(new BookingHistoryEntry(BookingChange.ServiceChanged, by, actorId, StartUtc, StartUtc, service.Name, nowUtc));
        CancelOpenNotifications();
        PlanNotifications(plan, nowUtc);
    }

    public void ConfirmAttendance(DateTime nowUtc)
    {
        EnsureActive();
        AttendanceConfirmedUtc ??= nowUtc;
    }

    /// <summary>The visit happened (X5). Open reminders are moot; the review request stays.</summary>
    public void MarkCompleted(Actor by, long? actorId, DateTime nowUtc) => Finish(BookingStatus.Completed, BookingChange.Completed, by, actorId, nowUtc);

    /// <summary>The client did not come (X5): counted per client; no review is asked for.</summary>
    public void MarkNoShow(Actor by, long? actorId, DateTime nowUtc)
    {
        Finish(BookingStatus.NoShow, BookingChange.NoShow, by, actorId, nowUtc);
        CancelOpenNotifications();
    }

    private void Finish(BookingStatus status, BookingChange change, Actor by, long? actorId, DateTime nowUtc)
    {
        if (Status is not (BookingStatus.Confirmed or BookingStatus.Completed or BookingStatus.NoShow))
        {
            throw new InvalidOperationException($"Booking {Id} is {Status}; only a held booking can be marked {status}.");
        }

        Status = status;
        UpdatedUtc = nowUtc;
        _history.Add(new BookingHistoryEntry(change, by, actorId, StartUtc, null, null, nowUtc));
        foreach (var reminder in _notifications.Where(n => n.Kind == NotificationKind.Reminder))
        {
            reminder.Cancel();
        }
    }

    /// <summary>Reminders whose moment is still ahead, and the review request after the end (C8, C9).</summary>
    private void PlanNotifications(NotificationPlan plan, DateTime nowUtc)
    {
        foreach (var offset in plan.ReminderOffsetsMinutes.Distinct())
        {
            var due = StartUtc.AddMinutes(-offset);
            if (due > nowUtc)
            {
                _notifications.Add(new Notification(NotificationKind.Reminder, offset, due));
            }
        }

        _notifications.Add(new Notification(NotificationKind.ReviewRequest, plan.ReviewDelayMinutes, EndUtc.AddMinutes(plan.ReviewDelayMinutes)));
    }

    private void CancelOpenNotifications()
    {
        foreach (var notification in _notifications)
        {
            notification.Cancel();
        }
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
