using Booking.Bot.Callbacks;
using Booking.Bot.Handlers;
using Booking.Core.Data;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Booking.Bot.Receiving;

/// <summary>
/// The one switch from an update to its handler. Read this file to find any behaviour: commands and menu
/// buttons first, then inline buttons by their callback record. Every button press is answered exactly once.
/// </summary>
public sealed class UpdateRouter(
    MenuCommands menu, BookingCallbacks booking, MyBookingsScreens myBookings, Replies replies, BookingDb db, Texts.TextCatalog catalog, ILogger<UpdateRouter> logger)
    : IUpdateRouter
{
    /// <summary>Texts longer than this are not commands or menu labels; they are not parsed further.</summary>
    private const int MaxRoutedText = 256;

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
            case { MyChatMember.NewChatMember.Status: ChatMemberStatus.Kicked }:
                ctx.Client.MarkBlocked();
                await db.SaveChangesAsync(ct);
                logger.LogInformation("User {UserId} blocked the bot", ctx.ChatId);
                break;
        }
    }

    private Task RouteMessageAsync(UpdateContext ctx, Message message, CancellationToken ct)
    {
        var text = message.Text?.Trim();
        if (text is null || text.Length > MaxRoutedText)
        {
            return menu.UnknownAsync(ctx, ct);
        }

        if (text.StartsWith('/'))
        {
            var (command, payload) = SplitCommand(text);
            return command switch
            {
                "start" => menu.StartAsync(ctx, payload, ct),
                "book" => menu.BookAsync(ctx, ct),
                "my" => menu.MyBookingsAsync(ctx, ct),
                "help" => menu.HelpAsync(ctx, ct),
                "about" => menu.AboutAsync(ctx, ct),
                "language" => menu.LanguageAsync(ctx, ct),
                "cancel" => menu.CancelAsync(ctx, ct),
                _ => menu.UnknownAsync(ctx, ct),
            };
        }

        // Menu labels are matched in every language: the keyboard on screen may predate a language switch.
        return MenuLabel(ctx, text) switch
        {
            "menu.book" => menu.BookAsync(ctx, ct),
            "menu.my" => menu.MyBookingsAsync(ctx, ct),
            "menu.about" => menu.AboutAsync(ctx, ct),
            _ => menu.UnknownAsync(ctx, ct),
        };
    }

    private async Task RouteCallbackAsync(UpdateContext ctx, CallbackQuery query, CancellationToken ct)
    {
        try
        {
            if (!Callback.TryParse(query.Data, out var callback))
            {
                logger.LogInformation("Stale or forged callback data {Data} from {UserId}", query.Data, ctx.ChatId);
                await menu.StaleAsync(ctx, ct);
                return;
            }

            await (callback switch
            {
                PickService c => booking.PickServiceAsync(ctx, c, ct),
                ListServicesAgain => booking.ListServicesAsync(ctx, ct),
                ShowMonth c => booking.ShowMonthAsync(ctx, c, ct),
                PickDay c => booking.PickDayAsync(ctx, c, ct),
                PickSlot c => booking.PickSlotAsync(ctx, c, ct),
                Confirm c => booking.ConfirmAsync(ctx, c, ct),
                CloseWizard => booking.CloseAsync(ctx, ct),
                ShowMyBookings => myBookings.ShowAsync(ctx, ct),
                ShowPastBookings => myBookings.ShowPastAsync(ctx, ct),
                AskCancel c => myBookings.AskCancelAsync(ctx, c.BookingId, ct),
                ConfirmCancel c => myBookings.ConfirmCancelAsync(ctx, c.BookingId, ct),
                ChooseLanguage c => menu.ChooseLanguageAsync(ctx, c, ct),
                Nothing c => ExplainAsync(ctx, c),
                _ => menu.StaleAsync(ctx, ct),
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

    private string? MenuLabel(UpdateContext ctx, string text)
    {
        string[] keys = ["menu.book", "menu.my", "menu.about"];
        foreach (var language in Core.Domain.Languages.All)
        {
            var t = ctx.Texts.Language == language ? ctx.Texts : new Texts.Texts(catalog, language);
            foreach (var key in keys)
            {
                if (string.Equals(t[key], text, StringComparison.Ordinal))
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
