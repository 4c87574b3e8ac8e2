using Booking.Bot.Callbacks;
using Booking.Bot.Notifications;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Waitlist;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers;

/// <summary>
/// X4: the waitlist from the client's side — the offer on a full day, joining, the list of waits with a way off it, and
/// the tap on a freed time, which books through the wizard's own confirm (<see cref="BookingCallbacks.BookAsync"/>).
/// </summary>
public sealed class WaitlistScreens(
    Replies replies, BookingWizard wizard, BookingCallbacks booking, JoinWaitlist.Handler join, LeaveWaitlist.Handler leave,
    ListWaits.Handler waits, GetAvailability.Handler availability)
{
    public async Task OfferAsync(UpdateContext ctx, OfferWaitlist offer, CancellationToken ct)
    {
        var verdict = await join.CheckAsync(new JoinWaitlist.Request(ctx.ChatId, offer.ServiceId, offer.Date), ct);
        await ShowVerdictAsync(ctx, offer.ServiceId, offer.Date, verdict, joining: false, ct);
    }

    public async Task JoinAsync(UpdateContext ctx, EnterWaitlist enter, CancellationToken ct)
    {
        var verdict = await join.HandleAsync(new JoinWaitlist.Request(ctx.ChatId, enter.ServiceId, enter.Date), ct);
        await ShowVerdictAsync(ctx, enter.ServiceId, enter.Date, verdict, joining: true, ct);
    }

    public async Task ShowAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var list = await waits.HandleAsync(ctx.ChatId, ct);
        var lines = list.Select((w, i) => t.Format("waitlist.list_item", ("index", i + 1), ("service", w.Service), ("date", ctx.Formats.Date(w.Date))));
        var body = list.Count == 0 ? t["waitlist.list_empty"] : string.Join("\n", lines);
        var rows = list.Select((w, i) => new[] { Keyboards.Button(t.Format("waitlist.leave_button", ("index", i + 1)), new LeaveWait(w.Id)) })
            .Append([Keyboards.Button(t["my.back_button"], new ShowMyBookings())])
            .ToArray();
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["waitlist.list_title"] + "\n\n" + body, new InlineKeyboardMarkup(rows), ct);
    }

    public async Task LeaveAsync(UpdateContext ctx, LeaveWait leaving, CancellationToken ct)
    {
        var left = await leave.HandleAsync(ctx.ChatId, leaving.WaitId, ct);
        ctx.Reply.Toast(ctx.Texts[left ? "waitlist.left" : "waitlist.already_left"]);
        await ShowAsync(ctx, ct);
    }

    /// <summary>
    /// A freed time tapped on an offer: booked if it is still free — the write gate and the no-overlap constraint make
    /// sure only the first tap wins — otherwise the client hears so, stays waiting, and sees what is free now.
    /// </summary>
    public async Task TakeAsync(UpdateContext ctx, TakeFreedSlot take, CancellationToken ct)
    {
        var wait = await waits.FindAsync(ctx.ChatId, take.WaitId, ct);
        if (wait is null)
        {
            ctx.Reply.Toast(ctx.Texts["waitlist.stale"]);
            if (ctx.SourceMessageId is { } messageId)
            {
                await replies.RemoveButtonsAsync(ctx.ChatId, messageId, ct);
            }

            return;
        }

        await booking.BookAsync(ctx, new Confirm(Target.Book(wait.ServiceId), take.StartUtc), _ => TakenAsync(ctx, wait, ct), ct);
    }

    private async Task TakenAsync(UpdateContext ctx, ListWaits.Wait wait, CancellationToken ct)
    {
        ctx.Reply.Dialog(ctx.Texts["waitlist.taken"]);
        var day = await availability.DayAsync(new GetAvailability.Subject(wait.ServiceId), wait.Date, ct);
        var free = day?.Slots.Where(s => s.IsFree).Select(s => s.StartUtc).Take(ClaimWaitlistOffers.MaxTimes).ToList() ?? [];
        var (text, markup) = WaitlistOfferText.Compose(ctx.Texts, ctx.Formats, wait.Id, wait.Service, wait.Date, free);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
    }

    private async Task ShowVerdictAsync(UpdateContext ctx, int serviceId, DateOnly date, JoinWaitlist.Result verdict, bool joining, CancellationToken ct)
    {
        var t = ctx.Texts;
        var target = Target.Book(serviceId);
        var month = new DateOnly(date.Year, date.Month, 1);
        var otherDay = Keyboards.Button(t["booking.other_date_button"], new ShowMonth(target, month));
        var mine = Keyboards.Button(t["waitlist.my_button"], new ShowWaits());
        var values = new (string, object?)[] { ("service", verdict.Service?.Name), ("date", ctx.Formats.Date(date)), ("limit", verdict.Limit) };
        var (key, markup) = verdict.Outcome switch
        {
            JoinWaitlist.Outcome.Joined when !joining => ("waitlist.offer", Keyboards.Rows([Keyboards.Button(t["waitlist.join_button"], new EnterWaitlist(serviceId, date))], [otherDay])),
            JoinWaitlist.Outcome.Joined => ("waitlist.joined", Keyboards.Rows([mine, otherDay])),
            JoinWaitlist.Outcome.AlreadyWaiting => ("waitlist.already", Keyboards.Rows([mine, otherDay])),
            JoinWaitlist.Outcome.LimitReached => ("waitlist.limit", Keyboards.Rows([mine, otherDay])),
            _ => (null, null),
        };
        if (key is not null)
        {
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t.Format(key, values), markup, ct);
            return;
        }

        await ShowElsewhereAsync(ctx, target, date, verdict.Outcome, joining, ct);
    }

    /// <summary>Nothing to wait for: the day's free time, the calendar, or the services when this one is gone.</summary>
    private async Task ShowElsewhereAsync(UpdateContext ctx, Target target, DateOnly date, JoinWaitlist.Outcome outcome, bool joining, CancellationToken ct)
    {
        var t = ctx.Texts;
        switch (outcome)
        {
            case JoinWaitlist.Outcome.HasFreeTime:
                ctx.Reply.Toast(t["waitlist.has_free_time"]);
                await wizard.ShowDayAsync(ctx, target, date, null, ct);
                break;
            case JoinWaitlist.Outcome.DayClosed or JoinWaitlist.Outcome.Off:
                ctx.Reply.Toast(t["refusal.day_full"]);
                if (joining)
                {
                    await wizard.ShowMonthAsync(ctx, target, new DateOnly(date.Year, date.Month, 1), null, ct);
                }

                break;
            default:
                ctx.Reply.Toast(t["refusal.service_unavailable"]);
                await wizard.ShowServicesAsync(ctx, t["refusal.service_unavailable"], ct);
                break;
        }
    }
}
