using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Conversation;
using Booking.Core.Features.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// What the text editor is waiting for: a new wording of <see cref="Key"/> in <see cref="Language"/>, or, once one
/// was typed and passed the checks, the tap on Save under its preview (<see cref="Pending"/>).
/// </summary>
public sealed record TextDraft(int MessageId, string Key, string Language, string? Pending = null)
{
    public const string Flow = "admin-text";
}

/// <summary>A10: the admin types a new wording, sees it checked and previewed with sample values, then saves it.</summary>
public sealed class TextEditor(
    Replies replies, IConversationStore conversations, TextsScreens screens, TextKeyIndex index, TextCatalog catalog,
    TextOverrideCache overrides, EditTexts.Handler edit)
{
    public async Task StartAsync(UpdateContext ctx, EditText e, CancellationToken ct)
    {
        if (index.Resolve(e.KeyId) is not { } key)
        {
            await screens.CategoriesAsync(ctx, ctx.Texts["texts.not_found"], ct);
            return;
        }

        await AskAsync(ctx, new TextDraft(ctx.SourceMessageId ?? 0, key, e.Language), null, ct);
    }

    /// <summary>A typed wording; false when no text is being edited.</summary>
    public async Task<bool> TryTypedAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<TextDraft>(ctx.ChatId, TextDraft.Flow, ct);
        if (draft is null)
        {
            return false;
        }

        var original = catalog.Default(draft.Language, draft.Key) ?? string.Empty;
        var check = TextTemplate.Validate(text, original);
        await (check.IsValid ? PreviewAsync(ctx, draft with { Pending = text }, ct) : AskAsync(ctx, draft with { Pending = null }, Refusal(ctx.Texts, check), ct));
        return true;
    }

    /// <summary>Save under a preview: only the draft of that very key and language, checked again by the core.</summary>
    public async Task SaveAsync(UpdateContext ctx, SaveText s, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<TextDraft>(ctx.ChatId, TextDraft.Flow, ct);
        if (draft?.Pending is null || TextKeyId.Of(draft.Key) != s.KeyId || draft.Language != s.Language)
        {
            await screens.KeyAsync(ctx, s.KeyId, null, ct);
            return;
        }

        var result = await edit.SetAsync(ctx.ChatId, draft.Key, draft.Language, draft.Pending, ct);
        if (result.Outcome == EditTexts.Outcome.Invalid)
        {
            await AskAsync(ctx, draft with { Pending = null }, Refusal(ctx.Texts, result.Check!), ct);
            return;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        var notice = result.Outcome switch
        {
            EditTexts.Outcome.Done => "texts.saved",
            EditTexts.Outcome.Unchanged => "texts.unchanged",
            _ => "texts.not_found",
        };
        await screens.KeyAsync(ctx, s.KeyId, ctx.Texts[notice], ct);
    }

    /// <summary>/cancel: closes the editor's message; false when no text was being edited.</summary>
    public async Task<bool> TryCancelAsync(UpdateContext ctx, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<TextDraft>(ctx.ChatId, TextDraft.Flow, ct);
        if (draft is null)
        {
            return false;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        await replies.RemoveButtonsAsync(ctx.ChatId, draft.MessageId, ct);
        return true;
    }

    private async Task AskAsync(UpdateContext ctx, TextDraft d, string? problem, CancellationToken ct)
    {
        var t = ctx.Texts;
        var original = catalog.Default(d.Language, d.Key) ?? string.Empty;
        var current = overrides.Find(d.Language, d.Key) ?? original;
        var rules = t.Format(TextTemplate.HasMarkup(original) ? "texts.rules_markup" : "texts.rules_plain", ("placeholders", screens.PlaceholderList(t, d.Key)));
        var question = t.Format("texts.ask", ("key", d.Key), ("language", TextsScreens.LanguageName(t, d.Language)),
            ("text", TextsScreens.Excerpt(current)), ("rules", new Raw(rules)));
        var markup = Keyboards.Rows([Keyboards.Button(t["texts.cancel_button"], new ViewText(TextKeyId.Of(d.Key)))]);
        await ShowAsync(ctx, d, BookingWizard.Lines(problem, question), markup, ct);
    }

    private async Task PreviewAsync(UpdateContext ctx, TextDraft d, CancellationToken ct)
    {
        var t = ctx.Texts;
        var id = TextKeyId.Of(d.Key);
        var sample = TextSamples.Render(d.Pending!, ctx.Texts.In(d.Language), ctx.Formats.Zone, ctx.NowUtc);
        var text = t.Format("texts.preview", ("key", d.Key), ("language", TextsScreens.LanguageName(t, d.Language))) + "\n\n" + sample;
        var markup = Keyboards.Rows(
            [Keyboards.Button(t["texts.save_button"], new SaveText(id, d.Language)), Keyboards.Button(t["texts.again_button"], new EditText(id, d.Language))],
            [Keyboards.Button(t["texts.cancel_button"], new ViewText(id))]);
        await ShowAsync(ctx, d, text, markup, ct);
    }

    /// <summary>A tap edits the message in place; after a typed answer the next step is sent below and the old one loses its buttons.</summary>
    private async Task ShowAsync(UpdateContext ctx, TextDraft d, string text, InlineKeyboardMarkup markup, CancellationToken ct)
    {
        if (ctx.SourceMessageId is null && d.MessageId != 0)
        {
            await replies.RemoveButtonsAsync(ctx.ChatId, d.MessageId, ct);
        }

        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
        await conversations.SetAsync(ctx.ChatId, TextDraft.Flow, d with { MessageId = messageId }, ct);
    }

    /// <summary>Why an override was refused, line by line; the web panel shows the same words.</summary>
    public static string Refusal(Texts.Texts t, TextTemplate.Check check)
    {
        static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => "{" + n + "}"));
        var lines = new List<string> { t["texts.refused"] };
        if (check.Empty)
        {
            lines.Add(t["texts.refused_empty"]);
        }

        if (check.TooLong)
        {
            lines.Add(t.Format("texts.refused_long", ("max", Core.Domain.TextOverride.MaxLength)));
        }

        if (check.Missing.Count > 0)
        {
            lines.Add(t.Format("texts.refused_missing", ("list", List(check.Missing))));
        }

        if (check.Unknown.Count > 0)
        {
            lines.Add(t.Format("texts.refused_unknown", ("list", List(check.Unknown))));
        }

        if (check.Markup is { } markup)
        {
            lines.Add(t.Format("texts.refused_markup", ("problem", markup)));
        }

        if (check.ListItems is { } items)
        {
            lines.Add(t.Format("texts.refused_list", ("count", items)));
        }

        return string.Join("\n", lines);
    }
}
