using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Catalog;
using Booking.Core.Features.Clients;
using Booking.Core.Scheduling;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// A3: an admin books a visit for a client who called or wrote some other way — who (typed: a name, an @username, a
/// phone or an id), the service, a day, a free time, a confirmation — on the calendar and slot grid the client's
/// wizard draws. The client is told through <see cref="AdminBookingChanges"/>, as from the web panel.
/// </summary>
public sealed class BookForClientScreens(
    Replies replies, IConversationStore conversations, FindClients.Handler find, ListServices.Handler services, GetAvailability.Handler availability,
    AdminBookingChanges changes, ScheduleScreens schedule)
{
    /// <summary>The admin's next typed text is who to book for; the prompt's message loses its buttons when it comes.</summary>
    public sealed record Draft(int MessageId)
    {
        public const string Flow = "admin-book";
    }

    public Task RouteAsync(UpdateContext ctx, AdminBookCallback callback, CancellationToken ct) => callback switch
    {
        AdminBookClient c => ServicesAsync(ctx, c.ClientId, ct),
        AdminBookService c => MonthAsync(ctx, c.ClientId, c.ServiceId, ctx.ThisMonth, null, ct),
        AdminBookMonth c => MonthAsync(ctx, c.ClientId, c.ServiceId, c.Month, null, ct),
        AdminBookDay c => DayAsync(ctx, c.ClientId, c.ServiceId, c.Date, null, ct),
        AdminBookSlot c => AskAsync(ctx, c, ct),
        AdminBookConfirm c => ConfirmAsync(ctx, c, ct),
        _ => StartAsync(ctx, null, ct),
    };

    /// <summary>Who is it for? The answer is typed.</summary>
    public async Task StartAsync(UpdateContext ctx, string? notice, CancellationToken ct)
    {
        var t = ctx.Texts;
        var markup = Keyboards.Rows([BackButton(ctx)]);
        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, t["schedule.book_ask"]), markup, ct);
        await conversations.SetAsync(ctx.ChatId, Draft.Flow, new Draft(messageId), ct);
    }

    /// <summary>Typed text while the bot waits for who to book for; false when it does not.</summary>
    public async Task<bool> TryTypedAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        if (await conversations.GetAsync<Draft>(ctx.ChatId, Draft.Flow, ct) is not { } draft)
        {
            return false;
        }

        await replies.RemoveButtonsAsync(ctx.ChatId, draft.MessageId, ct);
        var t = ctx.Texts;
        var found = await find.HandleAsync(text, ct);
        if (found.Count == 0)
        {
            var why = text.Trim().Length < FindClients.MinQueryLength ? "schedule.book_too_short" : "schedule.book_none";
            await StartAsync(ctx, t.Format(why, ("query", text.Trim())), ct);
            return true;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        var rows = found.Select(c => new[] { Keyboards.Button(Label(c), new AdminBookClient(c.Id)) }).ToList();
        rows.Add([Keyboards.Button(t["schedule.book_search_again_button"], new AdminBookStart()), BackButton(ctx)]);
        await replies.ShowAsync(ctx.ChatId, null, t.Format("schedule.book_found", ("count", found.Count)), new InlineKeyboardMarkup(rows), ct);
        return true;
    }

    private async Task ServicesAsync(UpdateContext ctx, long clientId, CancellationToken ct)
    {
        var t = ctx.Texts;
        var client = await find.ByIdAsync(clientId, ct);
        if (client is null)
        {
            await StartAsync(ctx, t["schedule.book_client_gone"], ct);
            return;
        }

        var offered = (await services.HandleAsync(ct)).Services;
        var rows = offered
            .Select(s => new[] { Keyboards.Button(BookingWizard.ServiceLabel(ctx, s), new AdminBookService(clientId, s.Id)) })
            .Append([BackButton(ctx)]);
        var body = offered.Count == 0 ? t["booking.no_services"] : t.Format("schedule.book_service", ("client", Label(client)));
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, body, new InlineKeyboardMarkup(rows), ct);
    }

    private async Task MonthAsync(UpdateContext ctx, long clientId, int serviceId, DateOnly month, string? notice, CancellationToken ct)
    {
        var client = await find.ByIdAsync(clientId, ct);
        var shown = client is null ? null : await availability.MonthAsync(Subject(serviceId), month.Year, month.Month, ct);
        if (client is null || shown is null)
        {
            await GoneAsync(ctx, clientId, client is null, ct);
            return;
        }

        var (t, f) = (ctx.Texts, ctx.Formats);
        var body = t.Format("schedule.book_date", ("client", Label(client)), ("service", shown.Service.Name));
        var markup = Keyboards.Calendar(shown, m => new AdminBookMonth(clientId, serviceId, m), d => new AdminBookDay(clientId, serviceId, d), f,
            [Keyboards.Button(t["schedule.book_other_service_button"], new AdminBookClient(clientId)), BackButton(ctx)]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, body), markup, ct);
    }

    private async Task DayAsync(UpdateContext ctx, long clientId, int serviceId, DateOnly date, string? notice, CancellationToken ct)
    {
        var client = await find.ByIdAsync(clientId, ct);
        var day = client is null ? null : await availability.DayAsync(Subject(serviceId), date, ct);
        if (client is null || day is null)
        {
            await GoneAsync(ctx, clientId, client is null, ct);
            return;
        }

        var (t, f) = (ctx.Texts, ctx.Formats);
        var month = new DateOnly(date.Year, date.Month, 1);
        var free = day.Slots.Count(s => s.IsFree);
        if (free == 0)
        {
            ctx.Reply.Toast(t["refusal.day_full"]);
            await MonthAsync(ctx, clientId, serviceId, month, BookingWizard.Lines(notice, t["booking.no_slots"]), ct);
            return;
        }

        var body = t.Format("schedule.book_time", ("client", Label(client)), ("service", day.Service.Name), ("duration", f.Duration(day.DurationMinutes)),
            ("date", f.Date(date)), ("free", free), ("total", day.Slots.Count));
        var footer = new[]
        {
            Keyboards.Button(t["schedule.move_other_date_button"], new AdminBookMonth(clientId, serviceId, month)),
            BackButton(ctx),
        };
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, body), Keyboards.Slots(day.Slots, at => new AdminBookSlot(clientId, serviceId, at), footer), ct);
    }

    /// <summary>A time was picked: checked against the grid again, then shown for confirmation.</summary>
    private async Task AskAsync(UpdateContext ctx, AdminBookSlot pick, CancellationToken ct)
    {
        var (t, f) = (ctx.Texts, ctx.Formats);
        var date = DateOnly.FromDateTime(LocalTime.ToLocal(pick.StartUtc, f.Zone));
        var client = await find.ByIdAsync(pick.ClientId, ct);
        var day = client is null ? null : await availability.DayAsync(Subject(pick.ServiceId), date, ct);
        if (client is null || day is null)
        {
            await GoneAsync(ctx, pick.ClientId, client is null, ct);
            return;
        }

        if (!day.Slots.Any(s => s.StartUtc == pick.StartUtc && s.IsFree))
        {
            ctx.Reply.Toast(t["refusal.slot_busy"]);
            await DayAsync(ctx, pick.ClientId, pick.ServiceId, date, t["refusal.slot_taken"], ct);
            return;
        }

        var body = t.Format("schedule.book_confirm", ("client", Label(client)), ("service", day.Service.Name), ("duration", f.Duration(day.DurationMinutes)),
            ("price", f.Price(day.Service.Price, day.Service.Currency)), ("date", f.Date(pick.StartUtc)), ("time", f.Time(pick.StartUtc)));
        var markup = Keyboards.Rows(
            [Keyboards.Button(t["schedule.book_confirm_button"], new AdminBookConfirm(pick.ClientId, pick.ServiceId, pick.StartUtc))],
            [Keyboards.Button(t["schedule.move_other_time_button"], new AdminBookDay(pick.ClientId, pick.ServiceId, date)), BackButton(ctx)]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, body, markup, ct);
    }

    private async Task ConfirmAsync(UpdateContext ctx, AdminBookConfirm confirm, CancellationToken ct)
    {
        var t = ctx.Texts;
        var (result, told) = await changes.BookAsync(ctx.ChatId, confirm.ClientId, confirm.ServiceId, confirm.StartUtc, ct);
        switch (result.Outcome)
        {
            case BookByAdmin.Outcome.Booked:
                await schedule.CardAsync(ctx, result.Booking!.Id, t[told ? "schedule.booked" : "schedule.booked_not_told"], ct);
                break;
            case BookByAdmin.Outcome.AlreadyBooked:
                await schedule.CardAsync(ctx, result.Booking!.Id, null, ct); // a second tap on a booking already made
                break;
            case BookByAdmin.Outcome.SlotUnavailable:
                await RefuseAsync(ctx, confirm, result.Check, ct);
                break;
            default:
                await GoneAsync(ctx, confirm.ClientId, result.Outcome == BookByAdmin.Outcome.ClientNotFound, ct);
                break;
        }
    }

    /// <summary>A refused booking shows why, with fresh choices: the same day's times, or the month.</summary>
    private async Task RefuseAsync(UpdateContext ctx, AdminBookConfirm confirm, SlotCheck check, CancellationToken ct)
    {
        var notice = ctx.Texts[AdminPlacement.RefusalKey(check)];
        var date = DateOnly.FromDateTime(LocalTime.ToLocal(confirm.StartUtc, ctx.Formats.Zone));
        if (AdminPlacement.BackToMonth(ctx, check, date))
        {
            await MonthAsync(ctx, confirm.ClientId, confirm.ServiceId, ctx.ThisMonth, notice, ct);
            return;
        }

        await DayAsync(ctx, confirm.ClientId, confirm.ServiceId, date, notice, ct);
    }

    /// <summary>The client deleted their data, or the service is no longer offered: back to the matching step.</summary>
    private Task GoneAsync(UpdateContext ctx, long clientId, bool clientGone, CancellationToken ct)
    {
        if (clientGone)
        {
            return StartAsync(ctx, ctx.Texts["schedule.book_client_gone"], ct);
        }

        ctx.Reply.Toast(ctx.Texts["refusal.service_unavailable"]);
        return ServicesAsync(ctx, clientId, ct);
    }

    private static InlineKeyboardButton BackButton(UpdateContext ctx) => Keyboards.Button(ctx.Texts["schedule.back_button"], ShowSchedule.Today);

    private static GetAvailability.Subject Subject(int serviceId) => new(serviceId, ByAdmin: true);

    /// <summary>"Анна Петрова (@anna) · +7 900 …": enough to tell two Annas apart.</summary>
    public static string Label(Client c)
    {
        var name = string.IsNullOrWhiteSpace(c.LastName) ? c.FirstName : c.FirstName + " " + c.LastName;
        var username = c.Username is { Length: > 0 } u ? $" (@{u})" : string.Empty;
        var phone = c.Phone is { Length: > 0 } p ? " · " + p : string.Empty;
        return name + username + phone;
    }
}
