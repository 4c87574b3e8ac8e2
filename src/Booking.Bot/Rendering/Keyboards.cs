using Booking.Bot.Callbacks;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Rendering;

/// <summary>The bot's keyboards: the persistent main menu, the month calendar and the slot grid.</summary>
public static class Keyboards
{
    public static ReplyKeyboardMarkup MainMenu(Texts.Texts t, bool isAdmin = false)
    {
        var rows = new List<KeyboardButton[]>
        {
            new[] { new KeyboardButton(t["menu.book"]) },
            new[] { new KeyboardButton(t["menu.my"]), new KeyboardButton(t["menu.about"]) },
        };
        if (isAdmin)
        {
            rows.Add([new KeyboardButton(t["menu.admin"])]);
        }

        return new ReplyKeyboardMarkup(rows) { ResizeKeyboard = true, IsPersistent = true };
    }

    /// <summary>The main menu for whoever sent the update: admins also get the admin button.</summary>
    public static ReplyKeyboardMarkup MainMenu(Receiving.UpdateContext ctx) => MainMenu(ctx.Texts, ctx.IsAdmin);

    public static InlineKeyboardButton Button(string text, Callback callback) => InlineKeyboardButton.WithCallbackData(text, callback.Format());

    /// <summary>
    /// Monday-first month grid; 🟢/🟡 days open their slots, and a 🔴 day of a new booking offers its waitlist (X4) unless
    /// the business has turned it off.
    /// </summary>
    public static InlineKeyboardMarkup Calendar(GetAvailability.Month month, Target target, Formats f, IEnumerable<InlineKeyboardButton> footer) =>
        Calendar(month, m => new ShowMonth(target, m), d => new PickDay(target, d), f, footer,
            target.IsReschedule || !month.WaitlistOpen ? null : d => new OfferWaitlist(target.Id, d));

    /// <summary>
    /// The same grid with other buttons behind it: the admin's move has buttons of its own (ADR 0010). A full day can only
    /// be tapped when <paramref name="fullDay"/> says what it leads to.
    /// </summary>
    public static InlineKeyboardMarkup Calendar(
        GetAvailability.Month month, Func<DateOnly, Callback> showMonth, Func<DateOnly, Callback> pickDay, Formats f, IEnumerable<InlineKeyboardButton> footer,
        Func<DateOnly, Callback>? fullDay = null)
    {
        var rows = new List<InlineKeyboardButton[]>
        {
            new[]
            {
                month.HasPrevious ? Button("◀️", showMonth(month.FirstDay.AddMonths(-1))) : Button(" ", new Nothing(string.Empty)),
                Button(f.MonthTitle(month.FirstDay), new Nothing(string.Empty)),
                month.HasNext ? Button("▶️", showMonth(month.FirstDay.AddMonths(1))) : Button(" ", new Nothing(string.Empty)),
            },
            Enumerable.Range(0, 7).Select(i => Button(f.WeekdayShort(i), new Nothing(string.Empty))).ToArray(),
        };

        var week = new InlineKeyboardButton[7];
        Array.Fill(week, Button(" ", new Nothing(string.Empty)));
        foreach (var (date, load) in month.Days.OrderBy(d => d.Key))
        {
            week[Formats.Weekday(date)] = DayButton(date, load, pickDay, fullDay);
            if (Formats.Weekday(date) == 6)
            {
                rows.Add(week);
                week = new InlineKeyboardButton[7];
                Array.Fill(week, Button(" ", new Nothing(string.Empty)));
            }
        }

        if (week.Any(b => b.Text != " "))
        {
            rows.Add(week);
        }

        rows.Add(footer.ToArray());
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>Three slots a row; taken ones are shown crossed out so the day's shape stays readable.</summary>
    public static InlineKeyboardMarkup Slots(IReadOnlyList<Slot> slots, Target target, IEnumerable<InlineKeyboardButton> footer) =>
        Slots(slots, at => new PickSlot(target, at), footer);

    public static InlineKeyboardMarkup Slots(IReadOnlyList<Slot> slots, Func<DateTime, Callback> pickSlot, IEnumerable<InlineKeyboardButton> footer)
    {
        var rows = slots
            .Select(s => s.IsFree
                ? Button(Formats.Time(s.LocalStart), pickSlot(s.StartUtc))
                : Button("❌ " + Formats.Time(s.LocalStart), new Nothing("slot")))
            .Chunk(3)
            .ToList();
        rows.Add(footer.ToArray());
        return new InlineKeyboardMarkup(rows);
    }

    public static InlineKeyboardMarkup Rows(params InlineKeyboardButton[][] rows) => new(rows);

    private static InlineKeyboardButton DayButton(DateOnly date, DayLoad load, Func<DateOnly, Callback> pickDay, Func<DateOnly, Callback>? fullDay)
    {
        var day = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return load switch
        {
            DayLoad.Plenty => Button(day + " 🟢", pickDay(date)),
            DayLoad.Few => Button(day + " 🟡", pickDay(date)),
            DayLoad.Full => Button(day + " 🔴", fullDay?.Invoke(date) ?? new Nothing("full")),
            _ => Button(day + " ⚫", new Nothing("day")),
        };
    }
}
