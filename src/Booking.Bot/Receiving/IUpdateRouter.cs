namespace Booking.Bot.Receiving;

/// <summary>
/// Where the pipeline hands an update once the sender is known. <see cref="UpdateRouter"/> is the bot's one
/// switch; the registration is replaceable so the load benchmark can measure the receiving path on its own.
/// </summary>
public interface IUpdateRouter
{
    Task RouteAsync(UpdateContext ctx, CancellationToken ct);
}
