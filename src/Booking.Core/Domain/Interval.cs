namespace Booking.Core.Domain;

/// <summary>A half-open UTC interval [start, end): back-to-back intervals do not overlap.</summary>
public readonly record struct Interval(DateTime StartUtc, DateTime EndUtc)
{
    public bool Overlaps(Interval other) => StartUtc < other.EndUtc && other.StartUtc < EndUtc;
}
