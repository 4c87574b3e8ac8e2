using System.Globalization;
using Booking.Core.Domain;

namespace Booking.Core.Features.Calendar;

/// <summary>
/// How a booking is named in calendars. The UID is fixed when the booking is made (its id and creation instant, so
/// two installations never collide), and SEQUENCE counts the changes of time or service, so a calendar that already
/// holds the event replaces it with the newer copy instead of adding a second one.
/// </summary>
public static class CalendarIdentity
{
    public static string Uid(int bookingId, DateTime createdUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"booking-{bookingId}-{createdUtc:yyyyMMdd'T'HHmmss'Z'}@bookingbot");

    public static bool IsRevision(BookingChange change) => change is BookingChange.Rescheduled or BookingChange.ServiceChanged;
}
