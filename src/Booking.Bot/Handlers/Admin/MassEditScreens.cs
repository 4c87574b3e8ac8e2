using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Catalog;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// A8: pick a day, see its upcoming bookings, then shift them all, change the service of one or all, or cancel
/// them all. Each operation is confirmed, checked as a whole, and the clients concerned are told; a moved or changed
/// visit also comes with its calendar file again, so the event already in the client's calendar follows (as for one move).
/// </summary>
public sealed class MassEditScreens(
    Replies replies, GetDaySchedule.Handler days, ListServices.Handler services, MassEditDay.Handler massEdit, ClientNotices notices,
    CalendarFile calendar)
{
    private static readonly int[] Shifts = [-60, -30, -15, 15, 30, 60];

    public async Task ShowAsync(UpdateContext ctx, DateOnly? date, string? notice, CancellationToken ct)
    {
        var t = ctx.Texts;
        var f = ctx.Formats;
        if (date is null)
        {
            var today = ctx.Today;
            var dayRows = Enumerable.Range(0, GetDaySchedule.DaysAhead + 1)
                .Select(i => Keyboards.Button(f.Date(today.AddDays(i)), new MassEditDayPick(today.AddDays(i))))
                .Chunk(2).Append([AdminPanel.BackButton(t)]).ToArray();
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, t["mass.pick_day"]), new InlineKeyboardMarkup(dayRows), ct);
            return;
        }

        var upcoming = await UpcomingAsync(ctx, date.Value, ct);
        var lines = upcoming.Select(l => t.Format("mass.line", ("time", f.Time(l.StartUtc)), ("service", l.Service), ("client", l.Client)));
        var body = upcoming.Count == 0
            ? t.Format("mass.empty", ("date", f.Date(date.Value)))
            : t.Format("mass.title", ("date", f.Date(date.Value)), ("count", upcoming.Count)) + "\n\n" + string.Join("\n", lines);
        var rows = new List<InlineKeyboardButton[]>();
        if (upcoming.Count > 0)
        {
            rows.Add(Shifts.Take(3).Select(m => Keyboards.Button(ShiftLabel(m), new MassShift(date.Value, m, false))).ToArray());
            rows.Add(Shifts.Skip(3).Select(m => Keyboards.Button(ShiftLabel(m), new MassShift(date.Value, m, false))).ToArray());
            rows.Add([Keyboards.Button(t["mass.service_button"], new MassService(date.Value, null, null)), Keyboards.Button(t["mass.cancel_button"], new MassCancel(date.Value, false))]);
        }

        rows.Add([Keyboards.Button(t["mass.other_day_button"], new MassEditDayPick(null)), AdminPanel.BackButton(t)]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, body), new InlineKeyboardMarkup(rows), ct);
    }

    public async Task ShiftAsync(UpdateContext ctx, MassShift shift, CancellationToken ct)
    {
        var t = ctx.Texts;
        if (!shift.Apply)
        {
            var count = (await UpcomingAsync(ctx, shift.Date, ct)).Count;
            await AskAsync(ctx, t.Format("mass.shift_ask", ("count", count), ("shift", ShiftLabel(shift.Minutes)), ("date", ctx.Formats.Date(shift.Date))),
                new MassShift(shift.Date, shift.Minutes, true), shift.Date, ct);
            return;
        }

        var result = await massEdit.HandleAsync(ctx.ChatId, shift.Date, new MassEditDay.Shift(shift.Minutes), ct);
        foreach (var c in result.Changed)
        {
            await calendar.TellChangedAsync(c.Booking.ClientId, c.Booking.Id, (ct2, f) => ct2.Format("mass.client_moved",
                ("service", c.Booking.Service?.Name), ("old", f.DateTime(c.PreviousStartUtc)), ("new", f.DateTime(c.Booking.StartUtc))), ct);
        }

        await ReportAsync(ctx, shift.Date, result, ct);
    }

    public async Task ServiceAsync(UpdateContext ctx, MassService change, CancellationToken ct)
    {
        var t = ctx.Texts;
        if (change.ServiceId is null)
        {
            var rows = (await services.HandleAsync(ct)).Services
                .Select(s => new[] { Keyboards.Button(s.Name, new MassService(change.Date, s.Id, null)) })
                .Append([Keyboards.Button(t["mass.back_button"], new MassEditDayPick(change.Date))]).ToArray();
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["mass.pick_service"], new InlineKeyboardMarkup(rows), ct);
            return;
        }

        if (change.BookingId is null)
        {
            var upcoming = await UpcomingAsync(ctx, change.Date, ct);
            var rows = upcoming
                .Select(l => new[] { Keyboards.Button(t.Format("mass.line_button", ("time", ctx.Formats.Time(l.StartUtc)), ("client", l.Client)), new MassService(change.Date, change.ServiceId, l.BookingId)) })
                .Prepend([Keyboards.Button(t["mass.all_button"], new MassService(change.Date, change.ServiceId, 0))])
                .Append([Keyboards.Button(t["mass.back_button"], new MassEditDayPick(change.Date))]).ToArray();
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["mass.pick_bookings"], new InlineKeyboardMarkup(rows), ct);
            return;
        }

        int[]? only = change.BookingId == 0 ? null : [change.BookingId.Value];
        var result = await massEdit.HandleAsync(ctx.ChatId, change.Date, new MassEditDay.ChangeService(change.ServiceId.Value, only), ct);
        foreach (var c in result.Changed)
        {
            await calendar.TellChangedAsync(c.Booking.ClientId, c.Booking.Id, (ct2, f) => ct2.Format("mass.client_service",
                ("service", c.Booking.Service?.Name), ("when", f.DateTime(c.Booking.StartUtc)), ("duration", f.Duration(c.Booking.DurationMinutes))), ct);
        }

        await ReportAsync(ctx, change.Date, result, ct);
    }

    public async Task CancelAsync(UpdateContext ctx, MassCancel cancel, CancellationToken ct)
    {
        var t = ctx.Texts;
        if (!cancel.Apply)
        {
            var count = (await UpcomingAsync(ctx, cancel.Date, ct)).Count;
            await AskAsync(ctx, t.Format("mass.cancel_ask", ("count", count), ("date", ctx.Formats.Date(cancel.Date))), new MassCancel(cancel.Date, true), cancel.Date, ct);
            return;
        }

        var result = await massEdit.HandleAsync(ctx.ChatId, cancel.Date, new MassEditDay.CancelAll(null), ct);
        foreach (var c in result.Changed)
        {
            await notices.TellCancelledAsync(c.Booking.ClientId, c.Booking.ServiceId, (ct2, f) => ct2.Format("mass.client_cancelled",
                ("service", c.Booking.Service?.Name), ("when", f.DateTime(c.Booking.StartUtc))), ct);
        }

        await ReportAsync(ctx, cancel.Date, result, ct);
    }

    private async Task<List<GetDaySchedule.Line>> UpcomingAsync(UpdateContext ctx, DateOnly date, CancellationToken ct) =>
        (await days.HandleAsync(date, ct)).Lines.Where(l => l.Status == BookingStatus.Confirmed && l.StartUtc > ctx.NowUtc).ToList();

    private Task<int> AskAsync(UpdateContext ctx, string question, Callback apply, DateOnly date, CancellationToken ct) =>
        replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, question,
            Keyboards.Rows([Keyboards.Button(ctx.Texts["mass.apply_button"], apply), Keyboards.Button(ctx.Texts["mass.back_button"], new MassEditDayPick(date))]), ct);

    private Task ReportAsync(UpdateContext ctx, DateOnly date, MassEditDay.Result result, CancellationToken ct)
    {
        var t = ctx.Texts;
        var f = ctx.Formats;
        var notice = result.Applied
            ? t.Format("mass.done", ("count", result.Changed.Count))
            : result.Conflicts.Count == 0
                ? t["mass.nothing"]
                : t["mass.conflicts"] + "\n" + string.Join("\n", result.Conflicts.Select(c =>
                    t.Format("mass.conflict_line", ("time", f.Time(c.StartUtc)), ("problem", new Texts.Raw(t["mass.problem_" + c.Problem.ToString().ToLowerInvariant()])))));
        return ShowAsync(ctx, date, notice, ct);
    }

    private static string ShiftLabel(int minutes) => (minutes > 0 ? "+" : "−") + Math.Abs(minutes).ToString(System.Globalization.CultureInfo.InvariantCulture) + "′";
}
