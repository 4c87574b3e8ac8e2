using System.Globalization;
using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Features.Editor;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>A9: the editor's screens: entities, a page of records, a record's fields, the question and the before → after.</summary>
public sealed class FieldEditorScreens(Replies replies, EditField.Handler editor)
{
    public async Task EntitiesAsync(UpdateContext ctx, string? notice, CancellationToken ct)
    {
        var t = ctx.Texts;
        var rows = EditorEntity.All
            .Select(e => Keyboards.Button(t["editor.entity_" + e], e == EditorEntity.Settings ? new EditorRecord(e, 0) : new EditorRecords(e, 0)))
            .Chunk(2)
            .Append([AdminPanel.BackButton(t)])
            .ToArray();
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, t["editor.title"]), new InlineKeyboardMarkup(rows), ct);
    }

    public async Task RecordsAsync(UpdateContext ctx, string entity, int page, CancellationToken ct)
    {
        var t = ctx.Texts;
        var list = await editor.ListAsync(entity, page, ct);
        var rows = list.Items.Select(r => new[] { Keyboards.Button(r.Label, new EditorRecord(entity, r.Id)) }).ToList();
        var nav = new List<InlineKeyboardButton>();
        if (page > 0)
        {
            nav.Add(Keyboards.Button(t["editor.prev_button"], new EditorRecords(entity, page - 1)));
        }

        if (list.HasMore)
        {
            nav.Add(Keyboards.Button(t["editor.next_button"], new EditorRecords(entity, page + 1)));
        }

        rows.Add([.. nav]);
        rows.Add([Keyboards.Button(t["editor.back_button"], new OpenFieldEditor())]);
        var text = t.Format(list.Items.Count == 0 ? "editor.no_records" : "editor.records", ("entity", t["editor.entity_" + entity]), ("page", page + 1));
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, new InlineKeyboardMarkup(rows.Where(r => r.Length > 0)), ct);
    }

    public async Task RecordAsync(UpdateContext ctx, string entity, long id, string? notice, CancellationToken ct)
    {
        var t = ctx.Texts;
        if (await editor.LabelAsync(entity, id, ct) is not { } label)
        {
            await EntitiesAsync(ctx, t["editor.not_found"], ct);
            return;
        }

        var back = entity == EditorEntity.Settings ? (Callback)new OpenFieldEditor() : new EditorRecords(entity, 0);
        var rows = EditableFields.Of(entity)
            .Select(f => Keyboards.Button(FieldName(t, f), new EditorField(entity, id, f.Code)))
            .Chunk(2)
            .Append([Keyboards.Button(t["editor.back_button"], back)])
            .ToArray();
        var text = t.Format("editor.record", ("entity", t["editor.entity_" + entity]), ("record", RecordLabel(t, entity, label)));
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, text), new InlineKeyboardMarkup(rows), ct);
    }

    public static (string Text, InlineKeyboardMarkup Markup) Ask(UpdateContext ctx, string entity, long id, EditField.Result current, string? problem)
    {
        var t = ctx.Texts;
        var field = current.Field!;
        var text = t.Format("editor.ask", ("entity", t["editor.entity_" + entity]), ("record", RecordLabel(t, entity, current.Label)),
            ("field", FieldName(t, field)), ("value", Value(t, current.Before)), ("rule", new Raw(Rule(ctx, field))));
        var markup = Keyboards.Rows([Keyboards.Button(t["editor.cancel_button"], new EditorRecord(entity, id))]);
        return (BookingWizard.Lines(problem, text), markup);
    }

    public static (string Text, InlineKeyboardMarkup Markup) Confirm(UpdateContext ctx, string entity, long id, EditField.Result change)
    {
        var t = ctx.Texts;
        var field = change.Field!;
        var text = t.Format("editor.confirm", ("entity", t["editor.entity_" + entity]), ("record", RecordLabel(t, entity, change.Label)),
            ("field", FieldName(t, field)), ("before", Value(t, change.Before)), ("after", Value(t, change.After)));
        var markup = Keyboards.Rows(
            [Keyboards.Button(t["editor.save_button"], new EditorSave(entity, id, field.Code)), Keyboards.Button(t["editor.again_button"], new EditorField(entity, id, field.Code))],
            [Keyboards.Button(t["editor.cancel_button"], new EditorRecord(entity, id))]);
        return (text, markup);
    }

    public static string Saved(UpdateContext ctx, EditField.Result change) => ctx.Texts.Format("editor.saved",
        ("field", FieldName(ctx.Texts, change.Field!)), ("before", Value(ctx.Texts, change.Before)), ("after", Value(ctx.Texts, change.After)));

    /// <summary>Why a typed value was not accepted; an invalid one is answered with what is allowed.</summary>
    public static string Problem(UpdateContext ctx, EditField.Result result) => result.Outcome switch
    {
        EditField.Outcome.Invalid => ctx.Texts.Format("editor.invalid", ("rule", new Raw(Rule(ctx, result.Field!)))),
        EditField.Outcome.ReadOnly => ctx.Texts["editor.read_only"],
        EditField.Outcome.LastSuperAdmin => ctx.Texts["editor.last_super_admin"],
        _ => ctx.Texts["editor.unchanged"],
    };

    private static string FieldName(Texts.Texts t, EditableField f) =>
        f.Entity == EditorEntity.Settings ? t["settings.button_" + f.Name] : t["editor.field_" + f.Entity + "_" + f.Name];

    private static string RecordLabel(Texts.Texts t, string entity, string? label) =>
        string.IsNullOrEmpty(label) ? t["editor.entity_" + entity] : label;

    /// <summary>The allowed values in the admin's language (HTML); a setting reuses its own question from the settings section.</summary>
    private static string Rule(UpdateContext ctx, EditableField f)
    {
        var t = ctx.Texts;
        var r = f.Rule;
        var (min, max) = (r.Min.ToString(CultureInfo.InvariantCulture), r.Max.ToString(CultureInfo.InvariantCulture));
        var rule = r.Kind switch
        {
            FieldKind.Setting => t.Format("settings.ask_" + f.Name, ("zone", ctx.Formats.Zone.Id)),
            FieldKind.Number => t.Format("editor.rule_number", ("min", min), ("max", max)),
            FieldKind.OneOf => t.Format("editor.rule_one_of", ("choices", string.Join(", ", r.Choices ?? []))),
            FieldKind.Money => t.Format("editor.rule_money", ("max", max)),
            FieldKind.Phone => t.Format("editor.rule_phone", ("min", min), ("max", max)),
            FieldKind.Flag => t["editor.rule_flag"],
            _ => t.Format("editor.rule_text", ("min", min), ("max", max)),
        };
        return r.CanClear && r.Kind != FieldKind.Setting ? rule + t["editor.rule_clear"] : rule;
    }

    private static string Value(Texts.Texts t, object? value) => value switch
    {
        null or "" => t["editor.empty"],
        true => t["editor.yes"],
        false => t["editor.no"],
        Core.Domain.PhoneRequest mode => t["settings.phone_" + Core.Features.Settings.SettingInput.Name(mode)],
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
