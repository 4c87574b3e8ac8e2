using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Features.Clients;

namespace Booking.Bot.Handlers;

/// <summary>
/// C11: /mydata shows what the bot stores about the user; /forgetme (or the button under /mydata) asks once and then
/// erases it, all in one message edited in place. Admins are told of the cancelled bookings as of any cancellation.
/// </summary>
public sealed class PrivacyScreens(Replies replies, ShowMyData.Handler show, ForgetClient.Handler forget, AdminNotifier admins)
{
    public async Task MyDataAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var f = ctx.Formats;
        if (await show.HandleAsync(ctx.ChatId, ct) is not { } data)
        {
            await replies.SendAsync(ctx.ChatId, t["privacy.already_forgotten"], Keyboards.MainMenu(ctx), ct);
            return;
        }

        var none = t["privacy.none"];
        var language = t["language." + data.Language + "_button"];
        var text = t.Format("privacy.mydata",
            ("name", string.Join(' ', new[] { data.FirstName, data.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)))),
            ("username", data.Username is { Length: > 0 } u ? "@" + u : none),
            ("language", data.LanguageChosen ? language : t.Format("privacy.language_auto", ("language", language))),
            ("phone", data.Phone ?? none),
            ("first_seen", f.DateTime(data.FirstSeenUtc)), ("last_seen", f.DateTime(data.LastSeenUtc)),
            ("upcoming", data.Upcoming), ("past", data.Past), ("reviews", data.Reviews), ("waits", data.Waits));
        text = BookingWizard.Lines(text, data.IsAdmin ? t["privacy.mydata_admin"] : null, t["privacy.mydata_footer"]);
        await replies.SendAsync(ctx.ChatId, text, Keyboards.Rows([Keyboards.Button(t["privacy.forget_button"], new AskForget())]), ct);
    }

    /// <summary>From /forgetme a new message; from the /mydata button, that message turns into the question.</summary>
    public async Task AskForgetAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        if (ctx.IsAdmin)
        {
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["privacy.forget_admin"], null, ct);
            return;
        }

        var upcoming = (await show.HandleAsync(ctx.ChatId, ct))?.Upcoming ?? 0;
        var markup = Keyboards.Rows(
            [Keyboards.Button(t["privacy.forget_yes_button"], new ConfirmForget())],
            [Keyboards.Button(t["privacy.forget_no_button"], new KeepData())]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t.Format("privacy.forget_ask", ("upcoming", upcoming)), markup, ct);
    }

    public async Task ConfirmForgetAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        if (ctx.IsNewClient)
        {
            // A confirm tapped again after the erasure: this very tap is a first contact, and there is nothing to erase.
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["privacy.already_forgotten"], null, ct);
            return;
        }

        var result = await forget.HandleAsync(ctx.ChatId, ct);
        switch (result.Outcome)
        {
            case ForgetClient.Outcome.IsAdmin:
                await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["privacy.forget_admin"], null, ct);
                return;
            case ForgetClient.Outcome.NotFound:
                await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["privacy.already_forgotten"], null, ct);
                return;
        }

        var cancelled = result.Cancelled!;
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t.Format("privacy.forgotten", ("cancelled", cancelled.Count)), null, ct);
        foreach (var visit in cancelled)
        {
            await admins.NotifyAsync("admin.cancelled", result.StandIn!, visit.Service, visit.StartUtc, null, ct);
        }
    }

    public Task KeepAsync(UpdateContext ctx, CancellationToken ct) =>
        replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, ctx.Texts["privacy.forget_kept"], null, ct);
}
