using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Features.Calendar;
using Booking.Core.Features.Clients;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace Booking.Bot.Handlers;

/// <summary>
/// X2: after a booking or a move, the client gets the visit as one small ".ics" file, sent silently after the
/// confirmation they already see. It is a courtesy: any failure to build or send it is logged and forgotten, and
/// never touches the booking or the confirmation.
/// </summary>
public sealed partial class CalendarFile(
    GetBookingEvent.Handler events, Replies replies, MarkClientBlocked.Handler blocked, ClientNotices notices, TimeProvider clock,
    ILogger<CalendarFile> logger)
{
    /// <summary>To the client who just booked or moved, in this update's language.</summary>
    public async Task SendAsync(UpdateContext ctx, int bookingId, CancellationToken ct)
    {
        if (ctx.Client.IsBlocked)
        {
            return; // the confirmation was just refused with a 403: nothing more is tried in this chat
        }

        await SendAsync(ctx.ChatId, bookingId, ctx.Texts, ctx.Formats, ctx.NowUtc, ct);
    }

    /// <summary>
    /// Tells a booking's client that someone else changed it (an admin's move, a day shifted, a service changed) and,
    /// once told, sends the event again, so the one already in their calendar follows: same UID, a higher SEQUENCE.
    /// False when the client could not be reached.
    /// </summary>
    public async Task<bool> TellChangedAsync(long clientId, int bookingId, Func<Texts.Texts, Formats, string> compose, CancellationToken ct)
    {
        // One look at the client for both: the file follows in the language of the notice.
        if (await notices.VoiceAsync(clientId, ct) is not var (t, f) || !await notices.TellAsync(clientId, t, f, compose, ct))
        {
            return false;
        }

        await SendAsync(clientId, bookingId, t, f, clock.GetUtcNow().UtcDateTime, ct);
        return true;
    }

    private async Task SendAsync(long chatId, int bookingId, Texts.Texts t, Formats f, DateTime nowUtc, CancellationToken ct)
    {
        try
        {
            if (await events.HandleAsync(chatId, bookingId, ct) is not { } e)
            {
                return;
            }

            var description = PlainText(t.Format("calendar.description",
                ("service", e.ServiceName), ("duration", f.Duration(e.DurationMinutes)), ("price", f.Price(e.Price, e.Currency))));
            var entry = new CalendarEntry(e.Uid, e.Sequence, e.StartUtc, e.EndUtc, e.ServiceName)
            {
                Location = e.Address, Description = description, AlarmMinutesBefore = e.AlarmMinutesBefore,
            };
            var ics = IcsCalendar.Write([entry], e.Zone, nowUtc);
            await replies.SendDocumentAsync(chatId, IcsCalendar.FileName(e.StartUtc, e.Zone), Encoding.UTF8.GetBytes(ics),
                t["calendar.file_caption"], silent: true, ct);
        }
        catch (ApiRequestException error) when (error.ErrorCode == 403)
        {
            await blocked.HandleAsync(chatId, ct);
            logger.LogInformation("Chat {ChatId} refused the calendar file ({Reason}); its client is marked blocked", chatId, error.Message);
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(error, "The calendar file of booking {BookingId} could not be sent to chat {ChatId}; the booking stands", bookingId, chatId);
        }
    }

    /// <summary>Texts are written for Telegram's HTML; a calendar's description is plain text.</summary>
    internal static string PlainText(string html) => WebUtility.HtmlDecode(Tag().Replace(html, string.Empty));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
