using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Features.Editor;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// What the field editor is waiting for: a new value of <see cref="Field"/> on one record, or, once one was typed
/// and passed the checks, the tap on Save under the before → after (<see cref="Pending"/>).
/// </summary>
public sealed record FieldEditorDraft(int MessageId, string Entity, long RecordId, string Field, string? Pending = null)
{
    public const string Flow = "admin-editor";
}

/// <summary>
/// A9: the universal field editor. Entity → record → field → typed value → before/after → save. The core parses,
/// validates, guards and audits; this class only asks and shows. Screens are drawn by <see cref="FieldEditorScreens"/>.
/// </summary>
public sealed class FieldEditor(Replies replies, IConversationStore conversations, FieldEditorScreens screens, EditField.Handler editor)
{
    public Task RouteAsync(UpdateContext ctx, EditorCallback callback, CancellationToken ct) => callback switch
    {
        EditorRecords c => LeaveAsync(ctx, () => screens.RecordsAsync(ctx, c.Entity, c.Page, ct), ct),
        EditorRecord c => LeaveAsync(ctx, () => screens.RecordAsync(ctx, c.Entity, c.RecordId, null, ct), ct),
        EditorField c => StartAsync(ctx, c, ct),
        EditorSave c => SaveAsync(ctx, c, ct),
        _ => LeaveAsync(ctx, () => screens.EntitiesAsync(ctx, null, ct), ct),
    };

    /// <summary>A typed value; false when the editor is not waiting for one.</summary>
    public async Task<bool> TryTypedAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<FieldEditorDraft>(ctx.ChatId, FieldEditorDraft.Flow, ct);
        if (draft is null)
        {
            return false;
        }

        var result = await editor.CheckAsync(Request(ctx, draft, text), ct);
        await (result.Outcome == EditField.Outcome.Changed
            ? ShowAsync(ctx, draft with { Pending = text }, FieldEditorScreens.Confirm(ctx, draft.Entity, draft.RecordId, result), ct)
            : RefuseAsync(ctx, draft, result, ct));
        return true;
    }

    /// <summary>/cancel: closes the editor's question; false when none was open.</summary>
    public async Task<bool> TryCancelAsync(UpdateContext ctx, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<FieldEditorDraft>(ctx.ChatId, FieldEditorDraft.Flow, ct);
        if (draft is null)
        {
            return false;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        await replies.RemoveButtonsAsync(ctx.ChatId, draft.MessageId, ct);
        return true;
    }

    private async Task StartAsync(UpdateContext ctx, EditorField c, CancellationToken ct)
    {
        var current = await editor.ReadAsync(c.Entity, c.RecordId, c.Field, ct);
        if (current.Outcome is EditField.Outcome.NotFound or EditField.Outcome.UnknownField)
        {
            await LeaveAsync(ctx, () => screens.EntitiesAsync(ctx, ctx.Texts["editor.not_found"], ct), ct);
            return;
        }

        var draft = new FieldEditorDraft(ctx.SourceMessageId ?? 0, c.Entity, c.RecordId, c.Field);
        await ShowAsync(ctx, draft, FieldEditorScreens.Ask(ctx, draft.Entity, draft.RecordId, current, null), ct);
    }

    /// <summary>Save under a before → after: only the draft of that very field, checked again in full by the core.</summary>
    private async Task SaveAsync(UpdateContext ctx, EditorSave s, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<FieldEditorDraft>(ctx.ChatId, FieldEditorDraft.Flow, ct);
        if (draft?.Pending is not { } pending || draft.Entity != s.Entity || draft.RecordId != s.RecordId || draft.Field != s.Field)
        {
            await LeaveAsync(ctx, () => screens.RecordAsync(ctx, s.Entity, s.RecordId, null, ct), ct);
            return;
        }

        var result = await editor.SaveAsync(Request(ctx, draft, pending), ct);
        if (result.Outcome != EditField.Outcome.Changed)
        {
            await RefuseAsync(ctx, draft with { Pending = null }, result, ct);
            return;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        await screens.RecordAsync(ctx, s.Entity, s.RecordId, FieldEditorScreens.Saved(ctx, result), ct);
    }

    /// <summary>Asks again, saying what was wrong; a record that vanished ends the edit.</summary>
    private async Task RefuseAsync(UpdateContext ctx, FieldEditorDraft draft, EditField.Result result, CancellationToken ct)
    {
        if (result.Outcome is EditField.Outcome.NotFound or EditField.Outcome.UnknownField)
        {
            await LeaveAsync(ctx, () => screens.EntitiesAsync(ctx, ctx.Texts["editor.not_found"], ct), ct);
            return;
        }

        var current = await editor.ReadAsync(draft.Entity, draft.RecordId, draft.Field, ct);
        await ShowAsync(ctx, draft with { Pending = null }, FieldEditorScreens.Ask(ctx, draft.Entity, draft.RecordId, current, FieldEditorScreens.Problem(ctx, result)), ct);
    }

    /// <summary>Leaving for a list abandons a half-typed value, so later text is not taken for it.</summary>
    private async Task LeaveAsync(UpdateContext ctx, Func<Task> next, CancellationToken ct)
    {
        if (await conversations.GetAsync<FieldEditorDraft>(ctx.ChatId, FieldEditorDraft.Flow, ct) is not null)
        {
            await conversations.ClearAsync(ctx.ChatId, ct);
        }

        await next();
    }

    /// <summary>A tap edits the message in place; after a typed answer the next step is sent below and the old one loses its buttons.</summary>
    private async Task ShowAsync(UpdateContext ctx, FieldEditorDraft d, (string Text, InlineKeyboardMarkup Markup) screen, CancellationToken ct)
    {
        if (ctx.SourceMessageId is null && d.MessageId != 0)
        {
            await replies.RemoveButtonsAsync(ctx.ChatId, d.MessageId, ct);
        }

        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, screen.Text, screen.Markup, ct);
        await conversations.SetAsync(ctx.ChatId, FieldEditorDraft.Flow, d with { MessageId = messageId }, ct);
    }

    private static EditField.Request Request(UpdateContext ctx, FieldEditorDraft d, string text) => new(ctx.ChatId, d.Entity, d.RecordId, d.Field, text);
}
