using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Data;
using Booking.Core.Features.Availability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers;

/// <summary>
/// Tells a client about something an admin did to their booking, in the client's own language and the business
/// zone, with the main menu (or, for a visit taken away, a button to pick another time). One client who blocked the
/// bot or cannot be reached never stops the others.
/// </summary>
public sealed class ClientNotices(BookingDb db, ScheduleReader schedule, TextProvider texts, Replies replies, ILogger<ClientNotices> logger)
{
    /// <summary>False when the message could not be delivered.</summary>
    public async Task<bool> TellAsync(long clientId, Func<Texts.Texts, Formats, string> compose, CancellationToken ct) =>
        await VoiceAsync(clientId, ct) is var (t, f) && await TellAsync(clientId, t, f, compose, ct);

    /// <summary>
    /// A visit the client did not cancel themselves is gone (an admin, a block, a deposit that never came): the message
    /// carries "📅 Pick another time", the first step of booking the same service again, in place.
    /// </summary>
    public async Task<bool> TellCancelledAsync(long clientId, int serviceId, Func<Texts.Texts, Formats, string> compose, CancellationToken ct) =>
        await VoiceAsync(clientId, ct) is var (t, f)
        && await SendAsync(clientId, compose(t, f), Keyboards.Rows([Keyboards.Button(t["cancel_booking.rebook_button"], new PickService(serviceId))]), ct);

    /// <summary>As <see cref="TellAsync(long, Func{Texts.Texts, Formats, string}, CancellationToken)"/>, in a voice already looked up.</summary>
    public Task<bool> TellAsync(long clientId, Texts.Texts t, Formats f, Func<Texts.Texts, Formats, string> compose, CancellationToken ct) =>
        SendAsync(clientId, compose(t, f), Keyboards.MainMenu(t), ct);

    private async Task<bool> SendAsync(long clientId, string text, ReplyMarkup markup, CancellationToken ct)
    {
        try
        {
            return await replies.SendAsync(clientId, text, markup, ct) != Replies.NoMessage;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not tell client {ClientId} about a change to their booking", clientId);
            return false;
        }
    }

    /// <summary>The client's language and the business zone; null for a client who is gone or blocked the bot.</summary>
    public async Task<(Texts.Texts Texts, Formats Formats)?> VoiceAsync(long clientId, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null || client.IsBlocked)
        {
            return null;
        }

        var t = texts.For(client.Language);
        return (t, new Formats(t, await schedule.ZoneAsync(ct)));
    }
}
