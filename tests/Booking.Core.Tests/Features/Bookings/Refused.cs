using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;

namespace Booking.Core.Tests.Features.Bookings;

/// <summary>Unwraps why a slot was refused, failing the test when it was not refused at all.</summary>
internal static class Refused
{
    public static SlotCheck Why(BookSlot.Result result) =>
        result.Outcome == BookSlot.Outcome.SlotUnavailable ? result.Check : throw new Xunit.Sdk.XunitException($"expected a refused slot, got {result.Outcome}");

    public static SlotCheck Why(RescheduleBooking.Result result) =>
        result.Outcome == RescheduleBooking.Outcome.SlotUnavailable ? result.Check : throw new Xunit.Sdk.XunitException($"expected a refused slot, got {result.Outcome}");
}
