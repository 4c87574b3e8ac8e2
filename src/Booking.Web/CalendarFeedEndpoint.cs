using System.Text;
using Booking.Core.Features.Calendar;

namespace Booking.Web;

/// <summary>
/// X2: an admin's private iCal feed, fetched by calendar servers (Google, Apple) at <c>/calendar/{token}.ics</c>.
/// An unknown, revoked or orphaned token is a plain 404, the same as any path that does not exist.
/// </summary>
public static class CalendarFeedEndpoint
{
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder endpoints)
    {
        // HEAD too: some calendar apps check a subscription with it before fetching.
        endpoints.MapMethods("/calendar/{token}.ics", [HttpMethods.Get, HttpMethods.Head], async (string token, GetCalendarFeed.Handler feeds, HttpResponse response, CancellationToken ct) =>
        {
            if (await feeds.HandleAsync(token, ct) is not { } ics)
            {
                return Results.NotFound();
            }

            // Names and phone numbers: no shared cache may keep a copy.
            response.Headers.CacheControl = "private, no-store";
            return Results.Bytes(Encoding.UTF8.GetBytes(ics), IcsCalendar.ContentType);
        });
        return endpoints;
    }
}
