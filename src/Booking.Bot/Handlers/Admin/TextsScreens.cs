using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Booking.Core.Features.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// A10: the texts by category, a page of keys with a preview, a key's card with its wording in each language,
/// and resetting to the default. Typed edits live in <see cref="TextEditor"/>.
/// </summary>
public sealed class TextsScreens(
    Replies replies, TextKeyIndex index, TextCatalog catalog, TextOverrideCache overrides, EditTexts.Handler edit,
    IConversationStore conversations)
{
    /// <summary>Each wording shown on a card is cut here, so four of them always fit one message.</summary>
    private const int CardExcerpt = 700;

    private const int LinePreview = 40;

    public async Task CategoriesAsync(UpdateContext ctx, string? notice, CancellationToken ct)
    {
        await ForgetDraftAsync(ctx, ct);
        var t = ctx.Texts;
        var rows = index.Categories
            .Select(c => Keyboards.Button(
                t.Format("texts.category_button", ("mark", Mark(t, index.KeysOf(c).Any(IsChanged))), ("category", c), ("count", index.KeysOf(c).Count)),
                new TextCategoryPage(c, 0)))
            .Chunk(2)
            .Append([AdminPanel.BackButton(t)])
            .ToArray();
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, t["texts.title"]), new InlineKeyboardMarkup(rows), ct);
    }

    public async Task CategoryAsync(UpdateContext ctx, TextCategoryPage c, CancellationToken ct)
    {
        var keys = index.KeysOf(c.Category);
        if (keys.Count == 0)
        {
            await CategoriesAsync(ctx, ctx.Texts["texts.not_found"], ct);
            return;
        }

        await ForgetDraftAsync(ctx, ct);
        var t = ctx.Texts;
        var pages = (keys.Count + TextKeyIndex.PageSize - 1) / TextKeyIndex.PageSize;
        var page = Math.Clamp(c.Page, 0, pages - 1);
        var shown = keys.Skip(page * TextKeyIndex.PageSize).Take(TextKeyIndex.PageSize).ToList();
        var lines = shown.Select(k => t.Format("texts.key_line", ("mark", Mark(t, IsChanged(k))), ("key", k), ("preview", Preview(t[k]))));
        var text = t.Format("texts.category_title", ("category", c.Category), ("page", page + 1), ("pages", pages)) + "\n\n" + string.Join("\n", lines);
        var rows = shown.Select(k => new[] { Keyboards.Button(Mark(t, IsChanged(k)) + k, new ViewText(TextKeyId.Of(k))) }).ToList();
        var nav = new List<InlineKeyboardButton>();
        if (page > 0)
        {
            nav.Add(Keyboards.Button(t["texts.prev_button"], new TextCategoryPage(c.Category, page - 1)));
        }

        if (page < pages - 1)
        {
            nav.Add(Keyboards.Button(t["texts.next_button"], new TextCategoryPage(c.Category, page + 1)));
        }

        rows.Add([.. nav]);
        rows.Add([Keyboards.Button(t["texts.categories_button"], new TextCategories())]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, new InlineKeyboardMarkup(rows), ct);
    }

    public async Task KeyAsync(UpdateContext ctx, string keyId, string? notice, CancellationToken ct)
    {
        if (index.Resolve(keyId) is not { } key)
        {
            await CategoriesAsync(ctx, ctx.Texts["texts.not_found"], ct);
            return;
        }

        await ForgetDraftAsync(ctx, ct);
        var t = ctx.Texts;
        var blocks = Languages.All.Select(l => LanguageBlock(t, key, l));
        var text = BookingWizard.Lines(notice, t.Format("texts.card", ("key", key), ("placeholders", PlaceholderList(t, key))) + "\n\n" + string.Join("\n\n", blocks));
        var id = TextKeyId.Of(key);
        var rows = new List<InlineKeyboardButton[]>
        {
            Languages.All.Select(l => Keyboards.Button(t.Format("texts.edit_button", ("language", LanguageName(t, l))), new EditText(id, l))).ToArray(),
        };
        var resets = Languages.All.Where(l => overrides.IsOverridden(l, key))
            .Select(l => Keyboards.Button(t.Format("texts.reset_button", ("language", LanguageName(t, l))), new AskResetText(id, l))).ToArray();
        if (resets.Length > 0)
        {
            rows.Add(resets);
        }

        rows.Add([Keyboards.Button(t["texts.back_button"], new TextCategoryPage(TextKeyIndex.CategoryOf(key), index.PageOf(key)))]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, new InlineKeyboardMarkup(rows), ct);
    }

    public async Task AskResetAsync(UpdateContext ctx, AskResetText r, CancellationToken ct)
    {
        if (index.Resolve(r.KeyId) is not { } key || !overrides.IsOverridden(r.Language, key))
        {
            await KeyAsync(ctx, r.KeyId, null, ct);
            return;
        }

        var t = ctx.Texts;
        var text = t.Format("texts.reset_ask", ("key", key), ("language", LanguageName(t, r.Language)), ("text", Excerpt(catalog.Default(r.Language, key) ?? string.Empty)));
        var markup = Keyboards.Rows([Keyboards.Button(t["texts.reset_yes_button"], new ResetText(r.KeyId, r.Language)), Keyboards.Button(t["texts.keep_button"], new ViewText(r.KeyId))]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
    }

    public async Task ResetAsync(UpdateContext ctx, ResetText r, CancellationToken ct)
    {
        if (index.Resolve(r.KeyId) is not { } key)
        {
            await CategoriesAsync(ctx, ctx.Texts["texts.not_found"], ct);
            return;
        }

        var result = await edit.ResetAsync(ctx.ChatId, key, r.Language, ct);
        await KeyAsync(ctx, r.KeyId, result.Outcome == EditTexts.Outcome.Done ? ctx.Texts["texts.reset_done"] : null, ct);
    }

    public static string LanguageName(Texts.Texts t, string language) =>
        t[language == Languages.English ? "texts.language_en" : "texts.language_ru"];

    /// <summary>The placeholders an override must keep, as "{date}, {time}".</summary>
    public string PlaceholderList(Texts.Texts t, string key)
    {
        var names = TextTemplate.Placeholders(catalog.Default(Languages.Default, key) ?? string.Empty).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? t["texts.no_placeholders"] : string.Join(", ", names.Select(n => "{" + n + "}"));
    }

    /// <summary>The start of a text as the admin would type it (tags and all), for a &lt;code&gt; block.</summary>
    public static string Excerpt(string text) => text.Length <= CardExcerpt ? text : text[..CardExcerpt] + "…";

    private string LanguageBlock(Texts.Texts t, string key, string language)
    {
        var original = catalog.Default(language, key) ?? string.Empty;
        return overrides.Find(language, key) is { } changed
            ? t.Format("texts.card_changed", ("language", LanguageName(t, language)), ("text", Excerpt(changed)), ("default", Excerpt(original)))
            : t.Format("texts.card_default", ("language", LanguageName(t, language)), ("text", Excerpt(original)));
    }

    private bool IsChanged(string key) => Languages.All.Any(l => overrides.IsOverridden(l, key));

    private static string Mark(Texts.Texts t, bool changed) => changed ? t["texts.changed_mark"] : string.Empty;

    private static string Preview(string text)
    {
        var visible = string.Join(' ', TextTemplate.Visible(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return visible.Length <= LinePreview ? visible : visible[..LinePreview] + "…";
    }

    /// <summary>Leaving for a list or a card abandons a half-typed text, so later messages are not taken as it.</summary>
    private async Task ForgetDraftAsync(UpdateContext ctx, CancellationToken ct)
    {
        if (await conversations.GetAsync<TextDraft>(ctx.ChatId, TextDraft.Flow, ct) is not null)
        {
            await conversations.ClearAsync(ctx.ChatId, ct);
        }
    }
}
