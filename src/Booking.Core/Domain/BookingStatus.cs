namespace Booking.Core.Domain;

public enum BookingStatus
{
    Confirmed = 0,
    Cancelled = 1,
    Completed = 2,
    NoShow = 3,

    /// <summary>X3: made for a service with a deposit and held for the client while they pay; it occupies its slot.</summary>
    AwaitingPayment = 4,

    /// <summary>
    /// X3: held for payment, but the deposit did not come in time or the client gave the hold up; the slot was given
    /// back. Never a visit, so it stays out of cancellations, schedules and statistics.
    /// </summary>
    Expired = 5,
}

/// <summary>Who made a change: recorded in booking history and, later, the audit log.</summary>
public enum Actor
{
    Client = 0,
    Admin = 1,
    System = 2,
}

public enum BookingChange
{
    Created = 0,
    Cancelled = 1,
    Rescheduled = 2,
    ServiceChanged = 3,
    Completed = 4,
    NoShow = 5,

    /// <summary>X3: the deposit was paid and the held booking became a confirmed one.</summary>
    Paid = 6,

    /// <summary>X3: an admin returned a deposit that was owed back, and said so.</summary>
    Refunded = 7,
}
