using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Catalog;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers;

/// <summary>
/// The screens of the booking wizard (C2–C5, and C7's reschedule, which reuses them): services → month → day →
/// confirm. Every screen is drawn into the same message; every input is re-checked against the database.
/// </summary>
public sealed class BookingWizard(
    Replies replies, IConversationStore conversations, ListServices.Handler services, ListClientBookings.Handler bookings,
    GetAvailability.Handler availability, BotOptions options)
{
    public async Task ShowServicesAsync(UpdateContext ctx, string? notice, CancellationToken ct)
    {
        var t = ctx.Texts;
        var list = await services.HandleAsync(ct);
        var active = await bookings.CountActiveAsync(ctx.ChatId, ct);
        var limit = list.Settings.MaxActiveBookings;
        if (active >= limit)
        {
            var markup = Keyboards.Rows([Keyboards.Button(t["menu.my"], new ShowMyBookings())]);
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t.Format("refusal.limit", ("limit", limit)), markup, ct);
            return;
        }

        if (list.Services.Count == 0)
        {
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["booking.no_services"], null, ct);
            return;
        }

        var rows = list.Services
            .Select(s => new[] { Keyboards.Button(ServiceLabel(ctx, s), new PickService(s.Id)) })
            .Append([Keyboards.Button(t["booking.close_button"], new CloseWizard())])
            .ToArray();
        var text = Lines(notice, t["booking.step_service"], t.Format("booking.step_service_counter", ("count", active), ("limit", limit)));
        await ShowWizardAsync(ctx, text, new InlineKeyboardMarkup(rows), Target.Book(0), ct);
    }

    /// <summary>Draws the month calendar; false when the service or booking can no longer be placed.</summary>
    public Task<bool> ShowMonthAsync(UpdateContext ctx, Target target, DateOnly month, string? notice, CancellationToken ct) =>
        DrawMonthAsync(ctx, target, month, notice, null, ct);

    /// <summary>The month calendar with a day just found full, whose waitlist (X4) gets a button of its own.</summary>
    private async Task<bool> DrawMonthAsync(UpdateContext ctx, Target target, DateOnly month, string? notice, DateOnly? fullDay, CancellationToken ct)
    {
        var shown = await availability.MonthAsync(target.ToSubject(ctx.ChatId), month.Year, month.Month, ct);
        if (shown is null)
        {
            return false;
        }

        var t = ctx.Texts;
        var f = ctx.Formats;
        var service = shown.Service;
        string body;
        if (target.IsReschedule)
        {
            var current = (await bookings.HandleAsync(ctx.ChatId, ct)).Upcoming.FirstOrDefault(b => b.Id == target.Id);
            body = t.Format("reschedule.step_date", ("current", current is null ? "—" : f.DateTime(current.StartUtc)));
        }
        else
        {
            body = t.Format("booking.step_date", ("service_card", new Texts.Raw(ServiceCard(ctx, service))));
        }

        var markup = Keyboards.Calendar(shown, target, f, Footer(ctx, target, month: null));
        if (fullDay is { } full && !target.IsReschedule && shown.WaitlistOpen)
        {
            var rows = markup.InlineKeyboard.ToList();
            rows.Insert(rows.Count - 1, [Keyboards.Button(t.Format("waitlist.join_day_button", ("date", f.Date(full))), new OfferWaitlist(target.Id, full))]);
            markup = new InlineKeyboardMarkup(rows);
        }

        await ShowWizardAsync(ctx, Lines(notice, body), markup, target, ct);
        return true;
    }

    /// <summary>Draws a day's slots; false when the subject is gone. A day without free time falls back to the month.</summary>
    public async Task<bool> ShowDayAsync(UpdateContext ctx, Target target, DateOnly date, string? notice, CancellationToken ct)
    {
        var day = await availability.DayAsync(target.ToSubject(ctx.ChatId), date, ct);
        if (day is null)
        {
            return false;
        }

        var free = day.Slots.Count(s => s.IsFree);
        if (free == 0)
        {
            ctx.Reply.Toast(ctx.Texts["refusal.day_full"]);
            return await DrawMonthAsync(ctx, target, new DateOnly(date.Year, date.Month, 1), Lines(notice, ctx.Texts["booking.no_slots"]), date, ct);
        }

        var t = ctx.Texts;
        var key = target.IsReschedule ? "reschedule.step_time" : "booking.step_time";
        var body = t.Format(key, ("service", day.Service.Name), ("duration", ctx.Formats.Duration(day.DurationMinutes)),
            ("date", ctx.Formats.Date(date)), ("free", free), ("total", day.Slots.Count));
        if (free <= 3)
        {
            body = Lines(body, t["booking.few_left"]);
        }

        var markup = Keyboards.Slots(day.Slots, target, Footer(ctx, target, new DateOnly(date.Year, date.Month, 1)));
        await ShowWizardAsync(ctx, Lines(notice, body), markup, target, ct);
        return true;
    }

    public async Task ShowConfirmAsync(UpdateContext ctx, Target target, DateTime startUtc, Core.Domain.Service service, int durationMinutes, decimal price, string currency, DateTime? previousUtc, CancellationToken ct)
    {
        var t = ctx.Texts;
        var f = ctx.Formats;
        var body = target.IsReschedule
            ? t.Format("reschedule.step_confirm", ("service", service.Name), ("old", previousUtc is { } p ? f.DateTime(p) : "—"), ("new", f.DateTime(startUtc)))
            : t.Format("booking.step_confirm", ("service", service.Name), ("date", f.Date(startUtc)), ("time", f.Time(startUtc)),
                ("duration", f.Duration(durationMinutes)), ("price", f.Price(price, currency)));
        if (!target.IsReschedule && options.Payments.Terms is { } terms && service.Currency == terms.Currency && service.DepositAmount is { } deposit)
        {
            body += "\n" + t.Format("payment.step_confirm_deposit", ("deposit", f.Price(deposit, service.Currency)));
        }

        var date = DateOnly.FromDateTime(Core.Scheduling.LocalTime.ToLocal(startUtc, f.Zone));
        var markup = Keyboards.Rows(
            [Keyboards.Button(t[target.IsReschedule ? "reschedule.confirm_button" : "booking.confirm_button"], new Confirm(target, startUtc))],
            [Keyboards.Button(t["booking.other_time_button"], new PickDay(target, date)), CloseButton(ctx, target)]);
        await ShowWizardAsync(ctx, body, markup, target, ct);
    }

    /// <summary>
    /// Draws a wizard screen in place and remembers where the wizard lives. A wizard opened afresh (from a command)
    /// takes the buttons off the previous one, so only one set of live booking buttons exists per chat.
    /// </summary>
    private async Task ShowWizardAsync(UpdateContext ctx, string html, InlineKeyboardMarkup markup, Target target, CancellationToken ct)
    {
        if (ctx.SourceMessageId is null
            && await conversations.GetAsync<BookingDraft>(ctx.ChatId, BookingDraft.Flow, ct) is { } previous)
        {
            await replies.RemoveButtonsAsync(ctx.ChatId, previous.MessageId, ct);
        }

        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, html, markup, ct);
        await conversations.SaveAsync(ctx.ChatId, messageId, target, ct);
    }

    public static string ServiceCard(UpdateContext ctx, Core.Domain.Service service)
    {
        var card = ctx.Texts.Format("booking.service_card", ("name", service.Name), ("duration", ctx.Formats.Duration(service.DurationMinutes)),
            ("price", ctx.Formats.Price(service.Price, service.Currency)));
        return string.IsNullOrWhiteSpace(service.Description)
            ? card
            : card + "\n" + ctx.Texts.Format("booking.service_description", ("description", service.Description));
    }

    /// <summary>A service as its button reads in a list: "Массаж · 1 ч · 2 500 ₽".</summary>
    public static string ServiceLabel(UpdateContext ctx, Core.Domain.Service s) =>
        ctx.Texts.Format("booking.service_button", ("name", s.Name), ("duration", ctx.Formats.Duration(s.DurationMinutes)), ("price", ctx.Formats.Price(s.Price, s.Currency)));

    public static string Lines(params string?[] parts) => string.Join("\n\n", parts.Where(p => !string.IsNullOrEmpty(p)));

    private static InlineKeyboardButton CloseButton(UpdateContext ctx, Target target) => target.IsReschedule
        ? Keyboards.Button(ctx.Texts["reschedule.cancel_button"], new ShowMyBookings())
        : Keyboards.Button(ctx.Texts["booking.close_button"], new CloseWizard());

    private static IEnumerable<InlineKeyboardButton> Footer(UpdateContext ctx, Target target, DateOnly? month)
    {
        if (month is { } m)
        {
            yield return Keyboards.Button(ctx.Texts["booking.other_date_button"], new ShowMonth(target, m));
        }
        else if (!target.IsReschedule)
        {
            yield return Keyboards.Button(ctx.Texts["booking.back_to_services"], new ListServicesAgain());
        }

        yield return CloseButton(ctx, target);
    }
}
