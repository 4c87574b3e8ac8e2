using Booking.Bot.Receiving;
using Booking.Core.Features.Availability;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// What an admin's placement of a visit (a move, a booking for a client) says when the time was refused at the
/// confirmation, and where it goes back to: the same day's times, or the month when that day cannot be shown again.
/// </summary>
internal static class AdminPlacement
{
    public static string RefusalKey(SlotCheck check) => check switch
    {
        SlotCheck.Taken => "refusal.slot_taken",
        SlotCheck.TooSoon => "schedule.move_past",
        SlotCheck.BeyondHorizon => "refusal.beyond_horizon",
        _ => "refusal.not_offered",
    };

    public static bool BackToMonth(UpdateContext ctx, SlotCheck check, DateOnly date) =>
        check is SlotCheck.BeyondHorizon || date < ctx.Today;
}
