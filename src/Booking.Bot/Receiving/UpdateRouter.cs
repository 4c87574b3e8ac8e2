using Booking.Bot.Callbacks;
using Booking.Bot.Handlers;
using Booking.Bot.Handlers.Admin;
using Booking.Core.Domain;
using Booking.Bot.RateLimiting;
using Booking.Core.Data;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Booking.Bot.Receiving;

/// <summary>
/// The one switch from an update to its handler. Read this file to find any behaviour: commands and menu
/// buttons first, then inline buttons by their callback record. Every button press is answered exactly once.
/// Booking actions (confirming a booking, a move or a cancellation) pass the per-user rate limit first (P7).
/// </summary>
public sealed partial class UpdateRouter(
    Lazy<MenuCommands> menu, Lazy<BookingCallbacks> booking, Lazy<MyBookingsScreens> myBookings, Lazy<VisitCallbacks> visits, Lazy<AdminPanel> adminPanel,
    Lazy<AdminsScreens> admins, Lazy<ServicesScreens> services, Lazy<ServiceWizard> serviceWizard, Lazy<BlocksScreens> blocks, Lazy<BlockWizard> blockWizard,
    Lazy<DashboardScreen> dashboard, Lazy<ScheduleScreens> schedule, Lazy<BookingActions> bookingActions, Lazy<AuditScreens> audit, Lazy<ExportScreens> exports,
    Lazy<SettingsScreens> settings, Lazy<MassEditScreens> massEdit, Lazy<BroadcastWizard> broadcasts, Lazy<TextsScreens> textScreens, Lazy<TextEditor> textEditor,
    Lazy<MoveScreens> moves, Lazy<FieldEditor> fieldEditor, Lazy<PrivacyScreens> privacy, Lazy<PhoneContact> phone, Lazy<WebLoginCommand> webLogin,
    Lazy<CalendarFeedScreen> calendarFeeds, Lazy<WaitlistScreens> waitlist, Lazy<PaymentUpdates> payments, Lazy<BookForClientScreens> bookForClient,
    Replies replies, BookingDb db, IActionLimiter limiter, ILogger<UpdateRouter> logger)
    : IUpdateRouter
{
    /// <summary>Texts longer than this are not commands or menu labels; they are not parsed further.</summary>
    private const int MaxRoutedText = 256;

    /// <summary>Buttons older than this are stale (P8): Telegram no longer lets the bot edit such messages reliably.</summary>
    public static readonly TimeSpan ButtonLifetime = TimeSpan.FromHours(48);

    public async Task RouteAsync(UpdateContext ctx, CancellationToken ct)
    {
        switch (ctx.Update)
        {
            case { Message: { } message }:
                await RouteMessageAsync(ctx, message, ct);
                break;
            case { CallbackQuery: { } query }:
                await RouteCallbackAsync(ctx, query, ct);
                break;
            case { PreCheckoutQuery: { } checkout }:
                await payments.Value.PreCheckoutAsync(ctx, checkout, ct);
                break;
            case { MyChatMember.NewChatMember.Status: ChatMemberStatus.Kicked }:
                ctx.Client.MarkBlocked();
                await db.SaveChangesAsync(ct);
                logger.LogInformation("User {UserId} blocked the bot", ctx.ChatId);
                break;
            case { MyChatMember.NewChatMember.Status: ChatMemberStatus.Member }:
                ctx.Client.MarkUnblocked();
                await db.SaveChangesAsync(ct);
                logger.LogInformation("User {UserId} unblocked the bot", ctx.ChatId);
                break;
        }
    }

    /// <summary>
    /// The callbacks that change bookings (a waitlist offer's time books at once). Wizard steps only draw screens and stay free, so browsing the calendar
    /// is never refused; see ADR 0005.
    /// </summary>
    public static bool IsBookingAction(Callback callback) => callback is Confirm or ConfirmCancel or TakeFreedSlot;

    private async Task RouteMessageAsync(UpdateContext ctx, Message message, CancellationToken ct)
    {
        if (message.SuccessfulPayment is { } paid)
        {
            await payments.Value.PaidAsync(ctx, paid, ct);
            return;
        }

        if (message.Contact is { } contact)
        {
            await phone.Value.ContactAsync(ctx, contact, ct);
            return;
        }

        var text = message.Text?.Trim();
        if (text is null)
        {
            await menu.Value.UnknownAsync(ctx, ct);
            return;
        }

        // Free text that is neither a command nor a menu label may be an answer the bot is waiting for.
        if (!text.StartsWith('/') && MenuLabel(ctx, text) is null && await TryAnswerAsync(ctx, text, ct))
        {
            return;
        }

        await (text.Length > MaxRoutedText ? menu.Value.UnknownAsync(ctx, ct) : RouteCommandOrMenuAsync(ctx, text, ct));
    }

    private Task RouteCommandOrMenuAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        if (text.StartsWith('/'))
        {
            var (command, payload) = SplitCommand(text);
            return command switch
            {
                "start" => menu.Value.StartAsync(ctx, payload, ct),
                "book" => menu.Value.BookAsync(ctx, ct),
                "my" => menu.Value.MyBookingsAsync(ctx, ct),
                "help" => menu.Value.HelpAsync(ctx, ct),
                "about" => menu.Value.AboutAsync(ctx, ct),
                "language" => menu.Value.LanguageAsync(ctx, ct),
                "mydata" => privacy.Value.MyDataAsync(ctx, ct),
                "forgetme" => privacy.Value.AskForgetAsync(ctx, ct),
                "cancel" => CancelAsync(ctx, ct),
                "admin" when ctx.IsAdmin => adminPanel.Value.ShowAsync(ctx, ct),
                "web" when ctx.IsAdmin => webLogin.Value.SendLinkAsync(ctx, ct),
                "audit" when Permissions.Allows(ctx.AdminRole, Permission.ViewAudit) => audit.Value.ShowAsync(ctx, new ShowAudit(0), ct),
                _ => menu.Value.UnknownAsync(ctx, ct),
            };
        }

        // Menu labels are matched in every language: the keyboard on screen may predate a language switch.
        return MenuLabel(ctx, text) switch
        {
            "menu.book" => menu.Value.BookAsync(ctx, ct),
            "menu.my" => menu.Value.MyBookingsAsync(ctx, ct),
            "menu.about" => menu.Value.AboutAsync(ctx, ct),
            "menu.admin" when ctx.IsAdmin => adminPanel.Value.ShowAsync(ctx, ct),
            _ => menu.Value.UnknownAsync(ctx, ct),
        };
    }

    private async Task RouteCallbackAsync(UpdateContext ctx, CallbackQuery query, CancellationToken ct)
    {
        try
        {
            if (!Callback.TryParse(query.Data, out var callback) || IsExpired(ctx, query))
            {
                logger.LogInformation("Stale or forged callback data {Data} from {UserId}", query.Data, ctx.ChatId);
                await menu.Value.StaleAsync(ctx, ct);
                return;
            }

            // The admin gate (A1): one check, from the permission the button itself declares, before any handler.
            if (callback is AdminCallback admin && !Permissions.Allows(ctx.AdminRole, admin.Required))
            {
                logger.LogWarning("Refused admin button {Data} for user {UserId} with role {Role}", query.Data, ctx.ChatId, ctx.AdminRole);
                await menu.Value.StaleAsync(ctx, ct);
                return;
            }

            if (IsBookingAction(callback!) && await limiter.TryAcquireAsync(ctx.ChatId, ct) is { Allowed: false, RetryAfter: var wait })
            {
                // Nothing ran: the card keeps its buttons, so the same tap works once the window has moved on.
                logger.LogDebug("User {UserId} is over the booking-action limit; {Data} not executed", ctx.ChatId, query.Data);
                ctx.Reply.Toast(ctx.Texts.Format("refusal.too_fast", ("seconds", (int)Math.Ceiling(Math.Max(wait.TotalSeconds, 1)))));
                return;
            }

            await (callback switch
            {
                PickService c => booking.Value.PickServiceAsync(ctx, c, ct),
                ListServicesAgain => booking.Value.ListServicesAsync(ctx, ct),
                ShowMonth c => booking.Value.ShowMonthAsync(ctx, c, ct),
                PickDay c => booking.Value.PickDayAsync(ctx, c, ct),
                PickSlot c => booking.Value.PickSlotAsync(ctx, c, ct),
                Confirm c => booking.Value.ConfirmAsync(ctx, c, ct),
                CloseWizard => booking.Value.CloseAsync(ctx, ct),
                ShowMyBookings => myBookings.Value.ShowAsync(ctx, ct),
                ShowPastBookings => myBookings.Value.ShowPastAsync(ctx, ct),
                AskCancel c => myBookings.Value.AskCancelAsync(ctx, c.BookingId, ct),
                ConfirmCancel c => myBookings.Value.ConfirmCancelAsync(ctx, c.BookingId, ct),
                ChooseLanguage c => menu.Value.ChooseLanguageAsync(ctx, c, ct),
                ConfirmVisit c => visits.Value.ConfirmVisitAsync(ctx, c, ct),
                RateVisit c => visits.Value.RateVisitAsync(ctx, c, ct),
                FinishReview => visits.Value.FinishReviewAsync(ctx, ct),
                AskForget => privacy.Value.AskForgetAsync(ctx, ct),
                ConfirmForget => privacy.Value.ConfirmForgetAsync(ctx, ct),
                KeepData => privacy.Value.KeepAsync(ctx, ct),
                OfferWaitlist c => waitlist.Value.OfferAsync(ctx, c, ct),
                EnterWaitlist c => waitlist.Value.JoinAsync(ctx, c, ct),
                ShowWaits => waitlist.Value.ShowAsync(ctx, ct),
                LeaveWait c => waitlist.Value.LeaveAsync(ctx, c, ct),
                TakeFreedSlot c => waitlist.Value.TakeAsync(ctx, c, ct),
                AdminCallback c => RouteAdminAsync(ctx, c, ct),
                Nothing c => ExplainAsync(ctx, c),
                _ => menu.Value.StaleAsync(ctx, ct),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ctx.Reply.Dialog(ctx.Texts["refusal.error"]);
            throw;
        }
        finally
        {
            await replies.AnswerAsync(query.Id, ctx.Reply.Text, ctx.Reply.Alert, CancellationToken.None);
        }
    }

    /// <summary>/cancel leaves an admin's half-typed service, block or setting first, then whatever the client side has open.</summary>
    private async Task CancelAsync(UpdateContext ctx, CancellationToken ct)
    {
        if (ctx.IsAdmin && (await serviceWizard.Value.TryCancelAsync(ctx, ct) || await blockWizard.Value.TryCancelAsync(ctx, ct) || await settings.Value.TryCancelAsync(ctx, ct)
            || await broadcasts.Value.TryCancelAsync(ctx, ct) || await textEditor.Value.TryCancelAsync(ctx, ct)
            || await fieldEditor.Value.TryCancelAsync(ctx, ct)))
        {
            await replies.SendAsync(ctx.ChatId, ctx.Texts["cancel.done"], Rendering.Keyboards.MainMenu(ctx), ct);
            return;
        }

        await menu.Value.CancelAsync(ctx, ct);
    }

    private static bool IsExpired(UpdateContext ctx, CallbackQuery query) =>
        query.Message is { Date: var sent } && sent > DateTime.UnixEpoch && ctx.NowUtc - sent > ButtonLifetime;

    private static Task ExplainAsync(UpdateContext ctx, Nothing nothing)
    {
        var hint = nothing.Why switch
        {
            "full" => ctx.Texts["refusal.day_full"],
            "day" => ctx.Texts["refusal.day_unavailable"],
            "slot" => ctx.Texts["refusal.slot_busy"],
            _ => null,
        };
        if (hint is not null)
        {
            ctx.Reply.Toast(hint);
        }

        return Task.CompletedTask;
    }

    private static string? MenuLabel(UpdateContext ctx, string text)
    {
        string[] keys = ["menu.book", "menu.my", "menu.about", "menu.admin"];
        foreach (var language in Core.Domain.Languages.All)
        {
            var t = ctx.Texts.In(language);
            foreach (var key in keys)
            {
                // The shipped label too: a keyboard sent before an admin reworded it is still on screen.
                if (string.Equals(t[key], text, StringComparison.Ordinal) || string.Equals(t.Default(key), text, StringComparison.Ordinal))
                {
                    return key;
                }
            }
        }

        return null;
    }

    private static (string Command, string? Payload) SplitCommand(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? text[1..] : text[1..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var command = (at < 0 ? head : head[..at]).ToLowerInvariant();
        var payload = space < 0 ? null : text[(space + 1)..].Trim();
        return (command, string.IsNullOrEmpty(payload) ? null : payload);
    }
}
