using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Features.Catalog;
using Booking.Core.Features.Services;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// What the service wizard is asking: the steps of a new service in order, or one field of an existing one
/// (<see cref="ServiceId"/> set). Kept in the conversation store, so a restart mid-way loses nothing.
/// </summary>
public sealed record ServiceDraft(
    int MessageId, int? ServiceId, char Step, string? Name = null, string? Description = null, int? Duration = null,
    decimal? Price = null, string? Currency = null, int? Interval = null, decimal? Deposit = null)
{
    public const string Flow = "admin-service";

    /// <summary>The order of a new service's steps, by the field codes of <see cref="ServiceFieldEdit"/>.</summary>
    public const string Steps = "ndmpi";
}

/// <summary>A4: creates a service step by step and edits one field at a time, each answer typed or tapped and validated.</summary>
public sealed class ServiceWizard(
    Replies replies, IConversationStore conversations, ServicesScreens screens, ListAllServices.Handler list,
    CreateService.Handler create, EditService.Handler edit, ListServices.Handler catalog)
{
    private static readonly int[] Durations = [30, 45, 60, 90, 120];

    public Task StartCreateAsync(UpdateContext ctx, CancellationToken ct) =>
        AskAsync(ctx, new ServiceDraft(ctx.SourceMessageId ?? 0, null, 'n'), null, ct);

    public async Task StartEditAsync(UpdateContext ctx, ServiceFieldEdit e, CancellationToken ct)
    {
        if (await list.FindAsync(e.ServiceId, ct) is not { } service)
        {
            await screens.ListAsync(ctx, ctx.Texts["services.not_found"], ct);
            return;
        }

        await AskAsync(ctx, new ServiceDraft(ctx.SourceMessageId ?? 0, e.ServiceId, e.Field, service.Name), null, ct);
    }

    /// <summary>A typed answer to the current question; false when no service question is open.</summary>
    public async Task<bool> TryTypedAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<ServiceDraft>(ctx.ChatId, ServiceDraft.Flow, ct);
        if (draft is null)
        {
            return false;
        }

        await AnswerAsync(ctx, draft, text, ct);
        return true;
    }

    /// <summary>
    /// A tapped answer to the question <paramref name="step"/> (d, m or i). A tap left over from another question
    /// asks the current one again; with no question open it shows the list.
    /// </summary>
    public async Task PickAsync(UpdateContext ctx, char step, int answer, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<ServiceDraft>(ctx.ChatId, ServiceDraft.Flow, ct);
        if (draft is null)
        {
            await screens.ListAsync(ctx, null, ct);
            return;
        }

        draft = draft with { MessageId = ctx.SourceMessageId ?? draft.MessageId };
        var input = step == 'd' ? ServiceInput.Skip : answer.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await (draft.Step == step ? AnswerAsync(ctx, draft, input, ct) : AskAsync(ctx, draft, null, ct));
    }

    /// <summary>/cancel: closes the wizard message; false when no service question was open.</summary>
    public async Task<bool> TryCancelAsync(UpdateContext ctx, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<ServiceDraft>(ctx.ChatId, ServiceDraft.Flow, ct);
        if (draft is null)
        {
            return false;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        await replies.ShowAsync(ctx.ChatId, draft.MessageId, ctx.Texts["services.cancelled"], null, ct);
        return true;
    }

    private async Task AnswerAsync(UpdateContext ctx, ServiceDraft draft, string input, CancellationToken ct)
    {
        var (accepted, error) = Read(draft, input);
        if (accepted is null)
        {
            await AskAsync(ctx, draft, ctx.Texts[error!], ct);
        }
        else if (accepted.ServiceId is { } id)
        {
            await SaveFieldAsync(ctx, id, accepted, ct);
        }
        else if (accepted.Step != 'i')
        {
            await AskAsync(ctx, accepted with { Step = ServiceDraft.Steps[ServiceDraft.Steps.IndexOf(accepted.Step, StringComparison.Ordinal) + 1] }, null, ct);
        }
        else
        {
            await CreateAsync(ctx, accepted, ct);
        }
    }

    /// <summary>The draft with the answer taken in, or the key of what was wrong with it.</summary>
    private static (ServiceDraft? Draft, string? Error) Read(ServiceDraft d, string input) => d.Step switch
    {
        'n' => ServiceInput.TryName(input, out var name) ? (d with { Name = name }, null) : (null, "services.bad_name"),
        'd' => ServiceInput.TryDescription(input, out var text) ? (d with { Description = text }, null) : (null, "services.bad_description"),
        'm' => ServiceInput.TryDuration(input, out var minutes) ? (d with { Duration = minutes }, null) : (null, "services.bad_duration"),
        'p' => ServiceInput.TryPrice(input, out var price, out var currency) ? (d with { Price = price, Currency = currency }, null) : (null, "services.bad_price"),
        'z' => ServiceInput.TryDeposit(input, out var deposit) ? (d with { Deposit = deposit }, null) : (null, "services.bad_deposit"),
        _ => input.Trim() is "0" or "15" or "30" or "60" ? (d with { Interval = int.Parse(input, System.Globalization.CultureInfo.InvariantCulture) }, null) : (null, "services.bad_interval"),
    };

    /// <summary>0 stands for "the global interval" in the draft and on the buttons.</summary>
    private static int? Interval(ServiceDraft d) => d.Interval is 0 or null ? null : d.Interval;

    private async Task SaveFieldAsync(UpdateContext ctx, int id, ServiceDraft d, CancellationToken ct)
    {
        var actor = ctx.ChatId;
        var outcome = d.Step switch
        {
            'n' => await edit.RenameAsync(actor, id, d.Name!, ct),
            'd' => await edit.DescribeAsync(actor, id, d.Description, ct),
            'm' => await edit.ChangeDurationAsync(actor, id, d.Duration!.Value, ct),
            'p' => await edit.ChangePriceAsync(actor, id, d.Price!.Value, d.Currency!, ct),
            'z' => await edit.RequireDepositAsync(actor, id, d.Deposit, ct),
            _ => await edit.UseSlotIntervalAsync(actor, id, Interval(d), ct),
        };
        if (outcome == EditService.Outcome.Invalid)
        {
            // A deposit above the price is known only once the service is read.
            await AskAsync(ctx, d, ctx.Texts["services.bad_deposit"], ct);
            return;
        }

        await Finish(ctx, d, outcome == EditService.Outcome.Done ? "services.saved" : "services.not_found", id, ct);
    }

    private async Task CreateAsync(UpdateContext ctx, ServiceDraft d, CancellationToken ct)
    {
        var request = new CreateService.Request(ctx.ChatId, d.Name!, d.Description, d.Duration!.Value, d.Price!.Value, d.Currency!, Interval(d));
        var result = await create.HandleAsync(request, ct);
        await Finish(ctx, d, result.Outcome == CreateService.Outcome.Created ? "services.created" : "services.not_found", result.Service?.Id ?? 0, ct);
    }

    /// <summary>Closes the question and shows the service's card with what happened.</summary>
    private async Task Finish(UpdateContext ctx, ServiceDraft d, string noticeKey, int serviceId, CancellationToken ct)
    {
        await conversations.ClearAsync(ctx.ChatId, ct);
        if (ctx.SourceMessageId is null)
        {
            await replies.RemoveButtonsAsync(ctx.ChatId, d.MessageId, ct);
        }

        await screens.ViewAsync(ctx, serviceId, ctx.Texts[noticeKey], ct);
    }

    /// <summary>
    /// Asks the draft's question. A tap edits the message in place; after a typed answer the question is asked
    /// afresh below it, and the old message loses its buttons.
    /// </summary>
    private async Task AskAsync(UpdateContext ctx, ServiceDraft d, string? problem, CancellationToken ct)
    {
        var t = ctx.Texts;
        var key = d.ServiceId is null ? "services.step_" : "services.edit_";
        var question = t.Format(key + Field(d.Step), ("name", d.Name));
        var rows = new List<InlineKeyboardButton[]>();
        if (d.Step == 'm')
        {
            rows.Add(Durations.Select(m => Keyboards.Button(ctx.Formats.Duration(m), new ServiceDurationPick(m))).ToArray());
        }
        else if (d.Step == 'd' && d.ServiceId is null)
        {
            rows.Add([Keyboards.Button(t["services.skip_button"], new ServiceDescriptionSkip())]);
        }
        else if (d.Step == 'i')
        {
            var global = (await catalog.HandleAsync(ct)).Settings.SlotIntervalMinutes;
            rows.Add([Keyboards.Button(t.Format("services.interval_global_button", ("minutes", global)), new ServiceIntervalPick(0))]);
            rows.Add(Core.Domain.Service.SlotIntervals.Select(m => Keyboards.Button(t.Format("services.interval_minutes_button", ("minutes", m)), new ServiceIntervalPick(m))).ToArray());
        }

        rows.Add([Keyboards.Button(t["services.cancel_button"], d.ServiceId is { } id ? new AdminService(id) : new AdminServices())]);
        var fromTap = ctx.SourceMessageId is not null;
        if (!fromTap && d.MessageId != 0)
        {
            await replies.RemoveButtonsAsync(ctx.ChatId, d.MessageId, ct);
        }

        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(problem, question), new InlineKeyboardMarkup(rows), ct);
        await conversations.SetAsync(ctx.ChatId, ServiceDraft.Flow, d with { MessageId = messageId }, ct);
    }

    private static string Field(char step) => step switch
    {
        'n' => "name",
        'd' => "description",
        'm' => "duration",
        'p' => "price",
        'z' => "deposit",
        _ => "interval",
    };
}
