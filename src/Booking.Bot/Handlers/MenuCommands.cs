using System.Globalization;
using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Conversation;
using Booking.Core.Data;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Catalog;
using Booking.Core.Features.Clients;
using Booking.Core.Features.Reviews;
using System.Text;

namespace Booking.Bot.Handlers;

/// <summary>Commands and main-menu buttons: /start, /book, /my, About, /help, /language, /cancel.</summary>
public sealed class MenuCommands(
    Replies replies, BookingWizard wizard, MyBookingsScreens myBookings, ListServices.Handler services,
    GetClientSummary.Handler summary, IConversationStore conversations, BookingDb db, TextProvider textProvider, Ratings ratings,
    ScheduleReader schedule)
{
    public async Task StartAsync(UpdateContext ctx, string? payload, CancellationToken ct)
    {
        var t = ctx.Texts;
        await conversations.ClearAsync(ctx.ChatId, ct);
        string greeting;
        if (ctx.IsNewClient)
        {
            greeting = t.Format("start.welcome", ("name", ctx.Client.FirstName));
        }
        else
        {
            var stats = await summary.HandleAsync(ctx.ChatId, ct);
            greeting = stats.Visits > 0
                ? t.Format("start.returning_stats", ("name", ctx.Client.FirstName), ("visits", stats.Visits))
                : t.Format("start.returning", ("name", ctx.Client.FirstName));
            if (stats.AverageRating is { } rating)
            {
                greeting += "\n" + t.Format("start.returning_rating", ("rating", ctx.Formats.Rating(rating)));
            }

            if (stats.Upcoming > 0)
            {
                greeting += "\n" + t.Format("start.returning_upcoming", ("count", stats.Upcoming));
            }
        }

        await replies.SendAsync(ctx.ChatId, greeting, Keyboards.MainMenu(ctx), ct);
        if (DeepLinkService(payload) is { } serviceId)
        {
            if (await wizard.ShowMonthAsync(ctx, Target.Book(serviceId), ctx.ThisMonth, null, ct))
            {
                return;
            }
        }

        if (ctx.IsNewClient || payload is not null)
        {
            await wizard.ShowServicesAsync(ctx, null, ct);
        }
    }

    public Task BookAsync(UpdateContext ctx, CancellationToken ct) => wizard.ShowServicesAsync(ctx, null, ct);

    public Task MyBookingsAsync(UpdateContext ctx, CancellationToken ct) => myBookings.ShowAsync(ctx, ct);

    public async Task AboutAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var f = ctx.Formats;
        var list = await services.HandleAsync(ct);
        var text = new StringBuilder(t["about.title"]).Append("\n\n").Append(t["about.services_title"]).Append('\n');
        if (list.Services.Count == 0)
        {
            text.Append(t["about.no_services"]).Append('\n');
        }

        foreach (var s in list.Services)
        {
            text.Append(t.Format("about.service_item", ("name", s.Name), ("duration", f.Duration(s.DurationMinutes)), ("price", f.Price(s.Price, s.Currency)))).Append('\n');
            if (!string.IsNullOrWhiteSpace(s.Description))
            {
                text.Append(t.Format("about.service_description", ("description", s.Description))).Append('\n');
            }
        }

        if (await ratings.OverallAsync(ct) is { Average: { } average })
        {
            text.Append('\n').Append(t.Format("about.rating", ("rating", f.Rating(average)))).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(list.Settings.Address))
        {
            text.Append('\n').Append(t.Format("about.address", ("address", list.Settings.Address))).Append('\n');
        }

        text.Append('\n').Append(t["about.rules_title"]).Append('\n')
            .Append(t.Format("about.rule_cancel", ("hours", list.Settings.CancellationWindowHours))).Append('\n')
            .Append(t.Format("about.rule_limit", ("limit", list.Settings.MaxActiveBookings)));
        await replies.SendAsync(ctx.ChatId, text.ToString(), Keyboards.MainMenu(ctx), ct);
    }

    public async Task HelpAsync(UpdateContext ctx, CancellationToken ct) =>
        await replies.SendAsync(ctx.ChatId, await HelpTextAsync(ctx.Texts, ct), Keyboards.MainMenu(ctx), ct);

    /// <summary>The help names the waitlist (X4) only while the business offers it.</summary>
    private async Task<string> HelpTextAsync(Texts.Texts t, CancellationToken ct)
    {
        var line = (await schedule.SettingsAsync(ct)).WaitlistOpen ? "\n" + t["help.waitlist_line"] : string.Empty;
        return t.Format("help.text", ("waitlist", new Texts.Raw(line)));
    }

    public Task LanguageAsync(UpdateContext ctx, CancellationToken ct) =>
        replies.SendAsync(ctx.ChatId, ctx.Texts["language.choose"],
            Keyboards.Rows([Keyboards.Button(ctx.Texts["language.ru_button"], new ChooseLanguage("ru")), Keyboards.Button(ctx.Texts["language.en_button"], new ChooseLanguage("en"))]), ct);

    public async Task ChooseLanguageAsync(UpdateContext ctx, ChooseLanguage choice, CancellationToken ct)
    {
        ctx.Client.ChooseLanguage(choice.Language);
        await db.SaveChangesAsync(ct);
        var t = textProvider.For(ctx.Client.Language);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["language.changed"], null, ct);
        await replies.SendAsync(ctx.ChatId, await HelpTextAsync(t, ct), Keyboards.MainMenu(t, ctx.IsAdmin), ct);
    }

    /// <summary>/cancel leaves whatever flow is open: the wizard message is closed and the menu shown.</summary>
    public async Task CancelAsync(UpdateContext ctx, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<BookingDraft>(ctx.ChatId, BookingDraft.Flow, ct);
        if (draft is null)
        {
            await replies.SendAsync(ctx.ChatId, ctx.Texts["cancel.nothing"], Keyboards.MainMenu(ctx), ct);
            return;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        await replies.ShowAsync(ctx.ChatId, draft.MessageId, ctx.Texts["booking.closed"], null, ct);
        await replies.SendAsync(ctx.ChatId, ctx.Texts["cancel.done"], Keyboards.MainMenu(ctx), ct);
    }

    public Task UnknownAsync(UpdateContext ctx, CancellationToken ct) =>
        replies.SendAsync(ctx.ChatId, ctx.Texts["refusal.unknown"], Keyboards.MainMenu(ctx), ct);

    /// <summary>A tap on a button that no longer means anything: say so and offer the menu (P8).</summary>
    public Task StaleAsync(UpdateContext ctx, CancellationToken ct)
    {
        ctx.Reply.Toast(ctx.Texts["refusal.stale"]);
        return replies.SendAsync(ctx.ChatId, ctx.Texts["refusal.stale"], Keyboards.MainMenu(ctx), ct);
    }

    private static int? DeepLinkService(string? payload) =>
        payload is not null && payload.StartsWith("svc_", StringComparison.Ordinal)
            && int.TryParse(payload.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
}
