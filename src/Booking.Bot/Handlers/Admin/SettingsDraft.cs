using System.Globalization;
using Booking.Bot.Receiving;
using Booking.Core.Conversation;
using Booking.Core.Features.Settings;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// The question the settings section is waiting for: f a setting's value, w a weekday's hours, d the date of a
/// special day, h that date's hours. Kept in the conversation store, so a restart mid-way loses nothing.
/// </summary>
public sealed record SettingsDraft(int MessageId, char Kind, SettingField? Field = null, DayOfWeek? Weekday = null, DateOnly? Date = null)
{
    public const string Flow = "admin-settings";
}

/// <summary>How settings questions are asked, re-asked and closed; shared by the settings screens.</summary>
public sealed class SettingsQuestions(Replies replies, IConversationStore conversations)
{
    public Task<SettingsDraft?> CurrentAsync(long chatId, CancellationToken ct) =>
        conversations.GetAsync<SettingsDraft>(chatId, SettingsDraft.Flow, ct);

    /// <summary>
    /// Asks (or asks again, with what was wrong). A tap edits the message in place; after a typed answer the
    /// question is asked afresh below it and the old one loses its buttons.
    /// </summary>
    public async Task AskAsync(UpdateContext ctx, SettingsDraft draft, string question, string? problem, InlineKeyboardMarkup markup, CancellationToken ct)
    {
        if (ctx.SourceMessageId is null && draft.MessageId != 0)
        {
            await replies.RemoveButtonsAsync(ctx.ChatId, draft.MessageId, ct);
        }

        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(problem, question), markup, ct);
        await conversations.SetAsync(ctx.ChatId, SettingsDraft.Flow, draft with { MessageId = messageId }, ct);
    }

    /// <summary>The question is answered: it is forgotten, and a typed answer leaves the question without buttons.</summary>
    public async Task FinishAsync(UpdateContext ctx, SettingsDraft draft, CancellationToken ct)
    {
        await conversations.ClearAsync(ctx.ChatId, ct);
        if (ctx.SourceMessageId is null && draft.MessageId != 0)
        {
            await replies.RemoveButtonsAsync(ctx.ChatId, draft.MessageId, ct);
        }
    }

    /// <summary>Leaving for a list abandons a half-typed answer, so later text is not taken for it.</summary>
    public async Task ForgetAsync(UpdateContext ctx, CancellationToken ct)
    {
        if (await CurrentAsync(ctx.ChatId, ct) is not null)
        {
            await conversations.ClearAsync(ctx.ChatId, ct);
        }
    }

    /// <summary>/cancel: closes the question message; false when no settings question was open.</summary>
    public async Task<bool> TryCancelAsync(UpdateContext ctx, CancellationToken ct)
    {
        if (await CurrentAsync(ctx.ChatId, ct) is not { } draft)
        {
            return false;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        await replies.ShowAsync(ctx.ChatId, draft.MessageId, ctx.Texts["settings.cancelled"], null, ct);
        return true;
    }

    public static string Hours(TimeOnly opens, TimeOnly closes) =>
        opens.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + closes.ToString("HH:mm", CultureInfo.InvariantCulture);
}
