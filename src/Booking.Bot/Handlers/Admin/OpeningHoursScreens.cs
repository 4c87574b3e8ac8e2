using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Features.Settings;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>A5: the weekly hours (a weekday's hours, or a day off) and special days (holidays and special hours).</summary>
public sealed class OpeningHoursScreens(
    Replies replies, SettingsQuestions questions, GetSettings.Handler get, SetWorkingHours.Handler week,
    SetSpecialDay.Handler special, RemoveSpecialDay.Handler remove)
{
    public async Task WeekAsync(UpdateContext ctx, string? notice, CancellationToken ct)
    {
        await questions.ForgetAsync(ctx, ct);
        var t = ctx.Texts;
        var settings = await get.HandleAsync(ct);
        var lines = settings.Week.Select(d => t.Format("settings.day_line", ("day", Day(ctx, d.Weekday)), ("hours", Hours(ctx, d))));
        var rows = settings.Week
            .Select(d => Keyboards.Button(t.Format("settings.day_button", ("day", Day(ctx, d.Weekday)), ("hours", Hours(ctx, d))), new OpenWeekday(d.Weekday)))
            .Chunk(2)
            .Append([Keyboards.Button(t["settings.back_button"], new OpenSettings())])
            .ToArray();
        var text = t.Format("settings.week_title", ("zone", settings.ZoneId)) + "\n\n" + string.Join("\n", lines);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, text), new InlineKeyboardMarkup(rows), ct);
    }

    public async Task DayAsync(UpdateContext ctx, DayOfWeek weekday, CancellationToken ct)
    {
        await questions.ForgetAsync(ctx, ct);
        var t = ctx.Texts;
        var day = (await get.HandleAsync(ct)).Week.Single(d => d.Weekday == weekday);
        var rows = new List<InlineKeyboardButton[]> { new[] { Keyboards.Button(t["settings.hours_button"], new EditWeekdayHours(weekday)) } };
        if (day.IsOpen)
        {
            rows.Add([Keyboards.Button(t["settings.day_off_button"], new CloseWeekday(weekday))]);
        }

        rows.Add([Keyboards.Button(t["settings.to_week_button"], new OpenWeek())]);
        var text = t.Format("settings.day_card", ("day", Day(ctx, weekday)), ("hours", Hours(ctx, day)));
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, new InlineKeyboardMarkup(rows), ct);
    }

    public Task AskHoursAsync(UpdateContext ctx, DayOfWeek weekday, CancellationToken ct) =>
        AskAsync(ctx, new SettingsDraft(ctx.SourceMessageId ?? 0, 'w', Weekday: weekday), null, ct);

    public async Task CloseAsync(UpdateContext ctx, DayOfWeek weekday, CancellationToken ct)
    {
        var outcome = await week.HandleAsync(SetWorkingHours.Request.DayOff(ctx.ChatId, weekday), ct);
        await WeekAsync(ctx, outcome == SetWorkingHours.Outcome.Changed
            ? ctx.Texts.Format("settings.day_off_saved", ("day", Day(ctx, weekday)))
            : ctx.Texts["settings.unchanged"], ct);
    }

    public async Task SpecialDaysAsync(UpdateContext ctx, string? notice, CancellationToken ct)
    {
        await questions.ForgetAsync(ctx, ct);
        var t = ctx.Texts;
        var days = (await get.HandleAsync(ct)).SpecialDays;
        var lines = days.Select(d => t.Format("settings.holiday_line", ("date", ctx.Formats.Date(d.Date)), ("hours", SpecialHours(ctx, d.Opens, d.Closes))));
        var body = days.Count == 0 ? t["settings.holidays_empty"] : string.Join("\n", lines);
        var rows = days
            .Select(d => Keyboards.Button(t.Format("settings.holiday_remove_button", ("date", ctx.Formats.Date(d.Date))), new DropSpecialDay(d.Date)))
            .Chunk(2)
            .Append([Keyboards.Button(t["settings.holiday_add_button"], new AddSpecialDay()), Keyboards.Button(t["settings.back_button"], new OpenSettings())])
            .ToArray();
        var text = BookingWizard.Lines(notice, t["settings.holidays_title"] + "\n\n" + body);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, new InlineKeyboardMarkup(rows), ct);
    }

    public Task AskDateAsync(UpdateContext ctx, CancellationToken ct) =>
        AskAsync(ctx, new SettingsDraft(ctx.SourceMessageId ?? 0, 'd'), null, ct);

    /// <summary>"Closed all day" for the date being added; with no date being added it shows the list.</summary>
    public async Task CloseDateAsync(UpdateContext ctx, CancellationToken ct)
    {
        var draft = await questions.CurrentAsync(ctx.ChatId, ct);
        await (draft is { Kind: 'h', Date: not null } ? SaveSpecialAsync(ctx, draft, null, null, ct) : SpecialDaysAsync(ctx, null, ct));
    }

    public async Task DropAsync(UpdateContext ctx, DateOnly date, CancellationToken ct)
    {
        var outcome = await remove.HandleAsync(ctx.ChatId, date, ct);
        await SpecialDaysAsync(ctx, outcome == RemoveSpecialDay.Outcome.Removed
            ? ctx.Texts.Format("settings.holiday_removed", ("date", ctx.Formats.Date(date)))
            : ctx.Texts["settings.holiday_not_found"], ct);
    }

    /// <summary>A typed answer to a weekday's hours, a special day's date or its hours.</summary>
    public async Task AnswerAsync(UpdateContext ctx, SettingsDraft draft, string text, CancellationToken ct)
    {
        var t = ctx.Texts;
        if (draft.Kind == 'd')
        {
            var today = (await get.HandleAsync(ct)).Today;
            await (!LocalInput.TryDate(text, today, out var date) ? AskAsync(ctx, draft, t["settings.bad_date"], ct)
                : date < today ? AskAsync(ctx, draft, t["settings.past_date"], ct)
                : AskAsync(ctx, draft with { Kind = 'h', Date = date }, null, ct));
            return;
        }

        if (!HoursInput.TryParse(text, out var opens, out var closes))
        {
            await AskAsync(ctx, draft, t["settings.bad_hours"], ct);
        }
        else if (draft is { Kind: 'w', Weekday: { } weekday })
        {
            var outcome = await week.HandleAsync(SetWorkingHours.Request.Open(ctx.ChatId, weekday, opens, closes), ct);
            await questions.FinishAsync(ctx, draft, ct);
            await WeekAsync(ctx, outcome == SetWorkingHours.Outcome.Changed
                ? t.Format("settings.hours_saved", ("day", Day(ctx, weekday)), ("hours", SettingsQuestions.Hours(opens, closes)))
                : t["settings.unchanged"], ct);
        }
        else
        {
            await SaveSpecialAsync(ctx, draft, opens, closes, ct);
        }
    }

    private async Task SaveSpecialAsync(UpdateContext ctx, SettingsDraft draft, TimeOnly? opens, TimeOnly? closes, CancellationToken ct)
    {
        var t = ctx.Texts;
        var date = draft.Date!.Value;
        var result = await special.HandleAsync(new SetSpecialDay.Request(ctx.ChatId, date, opens, closes), ct);
        if (result.Outcome != SetSpecialDay.Outcome.Saved)
        {
            var retry = result.Outcome == SetSpecialDay.Outcome.InPast ? draft with { Kind = 'd', Date = null } : draft;
            await AskAsync(ctx, retry, t[result.Outcome == SetSpecialDay.Outcome.InPast ? "settings.past_date" : "settings.bad_hours"], ct);
            return;
        }

        await questions.FinishAsync(ctx, draft, ct);
        var saved = t.Format("settings.holiday_saved", ("date", ctx.Formats.Date(date)), ("hours", SpecialHours(ctx, opens, closes)));
        var warning = result.BookingsThatDay > 0 ? t.Format("settings.holiday_bookings", ("count", result.BookingsThatDay)) : null;
        await SpecialDaysAsync(ctx, BookingWizard.Lines(saved, warning), ct);
    }

    private Task AskAsync(UpdateContext ctx, SettingsDraft draft, string? problem, CancellationToken ct)
    {
        var t = ctx.Texts;
        (string Question, Callback Back, InlineKeyboardButton? Extra) ask = draft.Kind switch
        {
            'w' => (t.Format("settings.ask_hours", ("day", Day(ctx, draft.Weekday!.Value))), new OpenWeekday(draft.Weekday!.Value), null),
            'd' => (t["settings.ask_date"], new OpenSpecialDays(), null),
            _ => (t.Format("settings.ask_special_hours", ("date", ctx.Formats.Date(draft.Date!.Value))), new OpenSpecialDays(),
                Keyboards.Button(t["settings.closed_all_day_button"], new SpecialDayClosed())),
        };
        var rows = new List<InlineKeyboardButton[]>();
        if (ask.Extra is { } extra)
        {
            rows.Add([extra]);
        }

        rows.Add([Keyboards.Button(t["settings.cancel_button"], ask.Back)]);
        return questions.AskAsync(ctx, draft, ask.Question, problem, new InlineKeyboardMarkup(rows), ct);
    }

    private static string Day(UpdateContext ctx, DayOfWeek weekday) => ctx.Formats.WeekdayShort(((int)weekday + 6) % 7);

    private static string Hours(UpdateContext ctx, GetSettings.WeekdayHours d) =>
        d.IsOpen ? SettingsQuestions.Hours(d.Opens, d.Closes) : ctx.Texts["settings.day_off"];

    private static string SpecialHours(UpdateContext ctx, TimeOnly? opens, TimeOnly? closes) => SpecialHours(ctx.Texts, opens, closes);

    /// <summary>A special day's hours as the list shows them: "10:00–15:00", or "closed".</summary>
    public static string SpecialHours(Texts.Texts t, TimeOnly? opens, TimeOnly? closes) =>
        opens is { } o && closes is { } c ? SettingsQuestions.Hours(o, c) : t["settings.holiday_closed"];
}
