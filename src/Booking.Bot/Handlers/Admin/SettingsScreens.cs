using System.Globalization;
using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core;
using Booking.Core.Domain;
using Booking.Core.Features.Settings;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// A5: the settings overview and changing one rule at a time, tapped or typed and validated by the core. Weekly
/// hours and special days live in <see cref="OpeningHoursScreens"/>; every settings button comes through <see cref="RouteAsync"/>.
/// </summary>
public sealed class SettingsScreens(
    Replies replies, SettingsQuestions questions, OpeningHoursScreens hours, GetSettings.Handler get, ChangeSetting.Handler change,
    BookingCoreOptions options)
{
    private static readonly int[] Intervals = [60, 30, 15];

    public Task RouteAsync(UpdateContext ctx, SettingsCallback callback, CancellationToken ct) => callback switch
    {
        EditSetting c => StartEditAsync(ctx, c.Field, ct),
        PickSlotInterval c => SaveAsync(ctx, SettingField.SlotInterval, c.Minutes.ToString(CultureInfo.InvariantCulture), ct),
        ResetTimeZone => SaveAsync(ctx, SettingField.TimeZone, null, ct),
        PickPhoneRequest c => SaveAsync(ctx, SettingField.PhoneRequest, SettingInput.Name(c.Mode), ct),
        OpenWeek => hours.WeekAsync(ctx, null, ct),
        OpenWeekday c => hours.DayAsync(ctx, c.Day, ct),
        EditWeekdayHours c => hours.AskHoursAsync(ctx, c.Day, ct),
        CloseWeekday c => hours.CloseAsync(ctx, c.Day, ct),
        OpenSpecialDays => hours.SpecialDaysAsync(ctx, null, ct),
        AddSpecialDay => hours.AskDateAsync(ctx, ct),
        SpecialDayClosed => hours.CloseDateAsync(ctx, ct),
        DropSpecialDay c => hours.DropAsync(ctx, c.Date, ct),
        _ => ShowAsync(ctx, null, ct),
    };

    public async Task ShowAsync(UpdateContext ctx, string? notice, CancellationToken ct)
    {
        await questions.ForgetAsync(ctx, ct);
        var t = ctx.Texts;
        var s = (await get.HandleAsync(ct)).Settings;
        string V(SettingField f) => Value(ctx, f, ChangeSetting.Read(s, f));
        var text = t.Format("settings.title", ("interval", V(SettingField.SlotInterval)), ("notice", V(SettingField.MinNotice)),
            ("horizon", V(SettingField.Horizon)), ("window", V(SettingField.CancellationWindow)), ("limit", V(SettingField.BookingLimit)), ("waits", V(SettingField.WaitlistLimit)),
            ("reminders", V(SettingField.ReminderOffsets)), ("review", V(SettingField.ReviewDelay)), ("zone", V(SettingField.TimeZone)),
            ("address", V(SettingField.Address)), ("phone", V(SettingField.PhoneRequest)));
        var rows = SettingFields.All
            .Select(f => Keyboards.Button(t["settings.button_" + SettingFields.Name(f)], new EditSetting(f)))
            .Chunk(2)
            .Append([Keyboards.Button(t["settings.week_button"], new OpenWeek()), Keyboards.Button(t["settings.holidays_button"], new OpenSpecialDays())])
            .Append([AdminPanel.BackButton(t)])
            .ToArray();
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, text), new InlineKeyboardMarkup(rows), ct);
    }

    /// <summary>A typed answer to an open settings question; false when none is open.</summary>
    public async Task<bool> TryTypedAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        var draft = await questions.CurrentAsync(ctx.ChatId, ct);
        if (draft is null)
        {
            return false;
        }

        await (draft.Kind == 'f' && draft.Field is { } field ? AnswerAsync(ctx, draft, field, text, ct) : hours.AnswerAsync(ctx, draft, text, ct));
        return true;
    }

    public Task<bool> TryCancelAsync(UpdateContext ctx, CancellationToken ct) => questions.TryCancelAsync(ctx, ct);

    private Task StartEditAsync(UpdateContext ctx, SettingField field, CancellationToken ct) =>
        AskAsync(ctx, new SettingsDraft(ctx.SourceMessageId ?? 0, 'f', field), null, ct);

    private async Task AnswerAsync(UpdateContext ctx, SettingsDraft draft, SettingField field, string text, CancellationToken ct)
    {
        var result = await change.HandleAsync(new ChangeSetting.Request(ctx.ChatId, field, text), ct);
        if (result.Outcome == ChangeSetting.Outcome.Invalid)
        {
            await AskAsync(ctx, draft, ctx.Texts["settings.bad_" + SettingFields.Name(field)], ct);
            return;
        }

        await questions.FinishAsync(ctx, draft, ct);
        await ShowAsync(ctx, Notice(ctx, field, result), ct);
    }

    /// <summary>A tapped value (interval or zone reset): saved at once, whatever question was open.</summary>
    private async Task SaveAsync(UpdateContext ctx, SettingField field, string? value, CancellationToken ct)
    {
        var result = await change.HandleAsync(new ChangeSetting.Request(ctx.ChatId, field, value), ct);
        await ShowAsync(ctx, result.Outcome == ChangeSetting.Outcome.Invalid ? null : Notice(ctx, field, result), ct);
    }

    private string Notice(UpdateContext ctx, SettingField field, ChangeSetting.Result result) =>
        result.Outcome == ChangeSetting.Outcome.Changed
            ? ctx.Texts.Format("settings.saved", ("before", Value(ctx, field, result.Before)))
            : ctx.Texts["settings.unchanged"];

    private async Task AskAsync(UpdateContext ctx, SettingsDraft draft, string? problem, CancellationToken ct)
    {
        var t = ctx.Texts;
        var field = draft.Field!.Value;
        var rows = new List<InlineKeyboardButton[]>();
        if (field == SettingField.SlotInterval)
        {
            rows.Add(Intervals.Select(m => Keyboards.Button(t.Format("settings.interval_button", ("minutes", m)), new PickSlotInterval(m))).ToArray());
        }
        else if (field == SettingField.TimeZone)
        {
            rows.Add([Keyboards.Button(t.Format("settings.reset_zone_button", ("zone", options.DefaultTimeZoneId)), new ResetTimeZone())]);
        }
        else if (field == SettingField.PhoneRequest)
        {
            rows.AddRange(Enum.GetValues<PhoneRequest>().Select(m => new[] { Keyboards.Button(t[$"settings.phone_{SettingInput.Name(m)}_button"], new PickPhoneRequest(m)) }));
        }

        rows.Add([Keyboards.Button(t["settings.cancel_button"], new OpenSettings())]);
        var zone = (await get.HandleAsync(ct)).ZoneId;
        var question = t.Format("settings.ask_" + SettingFields.Name(field), ("zone", zone));
        await questions.AskAsync(ctx, draft, question, problem, new InlineKeyboardMarkup(rows), ct);
    }

    /// <summary>A setting's value as the admin reads it.</summary>
    private string Value(UpdateContext ctx, SettingField field, object? value)
    {
        var t = ctx.Texts;
        return (field, value) switch
        {
            (SettingField.SlotInterval, int m) => t.Format("settings.interval_value", ("minutes", m)),
            (SettingField.MinNotice or SettingField.ReviewDelay, int m) => ctx.Formats.Duration(m),
            (SettingField.Horizon, int months) => t.Format("settings.months_value", ("months", months)),
            (SettingField.CancellationWindow, int h) => t.Format("format.hours", ("hours", h)),
            (SettingField.BookingLimit, int n) => t.Format("settings.limit_value", ("limit", n)),
            (SettingField.WaitlistLimit, 0) => t["settings.waitlist_off"],
            (SettingField.WaitlistLimit, int n) => t.Format("settings.waits_value", ("days", n)),
            (SettingField.ReminderOffsets, string list) when list.Length > 0 => t.Format("settings.reminders_value", ("list", list.Replace(",", ", ", StringComparison.Ordinal))),
            (SettingField.ReminderOffsets, _) => t["settings.no_reminders"],
            (SettingField.TimeZone, string zone) => zone,
            (SettingField.TimeZone, _) => t.Format("settings.zone_default", ("zone", options.DefaultTimeZoneId)),
            (SettingField.PhoneRequest, PhoneRequest mode) => t["settings.phone_" + SettingInput.Name(mode)],
            (SettingField.Address, string address) => address,
            _ => t["settings.no_address"],
        };
    }
}
