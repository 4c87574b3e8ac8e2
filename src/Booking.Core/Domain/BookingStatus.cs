namespace Booking.Core.Domain;

public enum BookingStatus
{
    Confirmed = 0,
    Cancelled = 1,
    Completed = 2,
    NoShow = 3,
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
}
