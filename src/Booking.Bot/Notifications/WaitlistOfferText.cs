using Booking.Bot.Callbacks;
using Booking.Bot.Rendering;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Notifications;

/// <summary>
/// X4: the offer a waiting client gets when time frees up — the free times as buttons (the first tap books), and a way
/// off the list. Drawn again, without the taken times, when a tap comes second.
/// </summary>
public static class WaitlistOfferText
{
    public static (string Text, InlineKeyboardMarkup Markup) Compose(
        Texts.Texts t, Formats f, int waitId, string service, DateOnly date, IReadOnlyList<DateTime> freeStartsUtc)
    {
        var rows = freeStartsUtc.Select(at => Keyboards.Button(f.Time(at), new TakeFreedSlot(waitId, at))).Chunk(3).ToList();
        rows.Add([Keyboards.Button(t["waitlist.stop_button"], new LeaveWait(waitId))]);
        var key = freeStartsUtc.Count == 0 ? "waitlist.all_taken" : "waitlist.freed";
        return (t.Format(key, ("service", service), ("date", f.Date(date))), new InlineKeyboardMarkup(rows));
    }
}
