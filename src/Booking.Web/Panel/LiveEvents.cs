using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;

namespace Booking.Web.Panel;

/// <summary>
/// X1 live updates: a server-sent event stream that says "bookings changed". The server polls a cheap watermark in the
/// database (the newest booking-history id) every two seconds, so a change made by the bot, by another admin in the
/// panel, or by another host on the same PostgreSQL is seen the same way; the open page then redraws itself.
/// </summary>
public static class LiveEvents
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>A comment line now and then, so proxies keep the stream open and a closed tab is noticed.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static void Map(RouteGroupBuilder panel) =>
        panel.MapGet("/events", async (HttpContext http, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime) =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            var ct = stop.Token;
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            long? sent = null;
            var quiet = TimeSpan.Zero;
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    var version = await VersionAsync(scopes, ct);
                    if (version != sent)
                    {
                        await http.Response.WriteAsync($"event: bookings\ndata: {version.ToString(CultureInfo.InvariantCulture)}\n\n", ct);
                        sent = version;
                        quiet = TimeSpan.Zero;
                    }
                    else if ((quiet += PollInterval) >= Heartbeat)
                    {
                        await http.Response.WriteAsync(": still here\n\n", ct);
                        quiet = TimeSpan.Zero;
                    }

                    await http.Response.Body.FlushAsync(ct);
                    await Task.Delay(PollInterval, ct);
                }
            }
            catch (OperationCanceledException)
            {
                // The tab was closed or the host is stopping: the stream simply ends.
            }

            return Results.Empty;
        }).Needs(Permission.ViewDashboard);

    /// <summary>A scope per poll: the request's own DbContext would keep its connection for the whole stream.</summary>
    private static async Task<long> VersionAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetBookingsVersion.Handler>().HandleAsync(ct);
    }
}
