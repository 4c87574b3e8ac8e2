using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Booking.Core.Features.Services;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>A4: the list of services, a service's card, showing/hiding, moving and deleting. Field edits live in <see cref="ServiceWizard"/>.</summary>
public sealed class ServicesScreens(
    Replies replies, ListAllServices.Handler list, EditService.Handler edit, MoveService.Handler move, DeleteService.Handler delete,
    IConversationStore conversations)
{
    public async Task ListAsync(UpdateContext ctx, string? notice, CancellationToken ct)
    {
        await ForgetDraftAsync(ctx, ct);
        var t = ctx.Texts;
        var f = ctx.Formats;
        var services = await list.HandleAsync(ct);
        var lines = services.Select((s, i) => t.Format("services.line", ("index", i + 1), ("status", Status(t, s)), ("name", s.Name),
            ("duration", f.Duration(s.DurationMinutes)), ("price", f.Price(s.Price, s.Currency))));
        var body = services.Count == 0 ? t["services.empty"] : string.Join("\n", lines);
        var rows = services
            .Select(s => new[] { Keyboards.Button(t.Format("services.open_button", ("status", Status(t, s)), ("name", s.Name)), new AdminService(s.Id)) })
            .Append([Keyboards.Button(t["services.new_button"], new NewServiceStart()), AdminPanel.BackButton(t)])
            .ToArray();
        var text = BookingWizard.Lines(notice, t["services.title"] + "\n\n" + body);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, new InlineKeyboardMarkup(rows), ct);
    }

    public async Task ViewAsync(UpdateContext ctx, int serviceId, string? notice, CancellationToken ct)
    {
        await ForgetDraftAsync(ctx, ct);
        var services = await list.HandleAsync(ct);
        var index = services.ToList().FindIndex(s => s.Id == serviceId);
        if (index < 0)
        {
            await ListAsync(ctx, ctx.Texts["services.not_found"], ct);
            return;
        }

        var t = ctx.Texts;
        var s = services[index];
        var id = s.Id;
        var text = BookingWizard.Lines(notice, Card(ctx, s) + "\n" + t.Format("services.position", ("position", index + 1), ("count", services.Count)));
        var markup = Keyboards.Rows(
            [Keyboards.Button(t["services.name_button"], new ServiceFieldEdit(id, 'n')), Keyboards.Button(t["services.description_button"], new ServiceFieldEdit(id, 'd'))],
            [Keyboards.Button(t["services.duration_button"], new ServiceFieldEdit(id, 'm')), Keyboards.Button(t["services.price_button"], new ServiceFieldEdit(id, 'p'))],
            [Keyboards.Button(t["services.interval_button"], new ServiceFieldEdit(id, 'i')), Keyboards.Button(t["services.deposit_button"], new ServiceFieldEdit(id, 'z'))],
            [Keyboards.Button(t[s.IsActive ? "services.hide_button" : "services.show_button"], new ServiceToggle(id))],
            [Keyboards.Button(t["services.up_button"], new ServiceMove(id, true)), Keyboards.Button(t["services.down_button"], new ServiceMove(id, false))],
            [Keyboards.Button(t["services.delete_button"], new ServiceDeleteAsk(id)), Keyboards.Button(t["services.back_button"], new AdminServices())]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
    }

    public async Task ToggleAsync(UpdateContext ctx, int serviceId, CancellationToken ct)
    {
        var service = await list.FindAsync(serviceId, ct);
        var outcome = service is null
            ? EditService.Outcome.NotFound
            : await edit.SetActiveAsync(ctx.ChatId, serviceId, !service.IsActive, ct);
        await AfterAsync(ctx, serviceId, outcome == EditService.Outcome.Done ? (service!.IsActive ? "services.hidden" : "services.shown") : null, ct);
    }

    public async Task MoveAsync(UpdateContext ctx, ServiceMove m, CancellationToken ct)
    {
        var outcome = await move.HandleAsync(ctx.ChatId, m.ServiceId, m.Up, ct);
        if (outcome == MoveService.Outcome.AtEdge)
        {
            ctx.Reply.Toast(ctx.Texts["services.at_edge"]);
        }

        await ViewAsync(ctx, m.ServiceId, null, ct);
    }

    public async Task AskDeleteAsync(UpdateContext ctx, int serviceId, CancellationToken ct)
    {
        var impact = await delete.CheckAsync(serviceId, ct);
        if (impact is null)
        {
            await ListAsync(ctx, ctx.Texts["services.not_found"], ct);
            return;
        }

        var t = ctx.Texts;
        var consequence = impact.Bookings > 0
            ? t.Format("services.delete_ask_booked", ("bookings", impact.Bookings), ("upcoming", impact.Upcoming))
            : t["services.delete_ask_clean"];
        var text = t.Format("services.delete_ask", ("name", impact.Service.Name)) + "\n\n" + consequence;
        var markup = Keyboards.Rows([Keyboards.Button(t["services.delete_yes_button"], new ServiceDeleteConfirm(serviceId)), Keyboards.Button(t["services.keep_button"], new AdminService(serviceId))]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
    }

    public async Task DeleteAsync(UpdateContext ctx, int serviceId, CancellationToken ct)
    {
        var outcome = await delete.HandleAsync(ctx.ChatId, serviceId, ct);
        await ListAsync(ctx, ctx.Texts[outcome switch
        {
            DeleteService.Outcome.Removed => "services.deleted",
            DeleteService.Outcome.SoftDeleted => "services.soft_deleted",
            _ => "services.not_found",
        }], ct);
    }

    /// <summary>The card of a service as the admin sees it, shared with the wizard's "saved" screens.</summary>
    public static string Card(UpdateContext ctx, Service s)
    {
        var t = ctx.Texts;
        var interval = s.SlotIntervalMinutes is { } m ? t.Format("services.interval_own", ("minutes", m)) : t["services.interval_global"];
        var card = t.Format("services.card", ("name", s.Name), ("status", t[s.IsActive ? "services.card_active" : "services.card_hidden"]),
            ("duration", ctx.Formats.Duration(s.DurationMinutes)), ("price", ctx.Formats.Price(s.Price, s.Currency)), ("interval", interval),
            ("description", s.Description ?? t["services.no_description"]));
        return s.DepositAmount is { } deposit
            ? card + "\n" + t.Format("services.card_deposit", ("deposit", ctx.Formats.Price(deposit, s.Currency)))
            : card;
    }

    /// <summary>Leaving for a list or a card abandons a half-typed field, so later text is not taken as its answer.</summary>
    private async Task ForgetDraftAsync(UpdateContext ctx, CancellationToken ct)
    {
        if (await conversations.GetAsync<ServiceDraft>(ctx.ChatId, ServiceDraft.Flow, ct) is not null)
        {
            await conversations.ClearAsync(ctx.ChatId, ct);
        }
    }

    private Task AfterAsync(UpdateContext ctx, int serviceId, string? noticeKey, CancellationToken ct) => noticeKey is null
        ? ListAsync(ctx, ctx.Texts["services.not_found"], ct)
        : ViewAsync(ctx, serviceId, ctx.Texts[noticeKey], ct);

    private static string Status(Texts.Texts t, Service s) => t[s.IsActive ? "services.status_active" : "services.status_hidden"];
}
