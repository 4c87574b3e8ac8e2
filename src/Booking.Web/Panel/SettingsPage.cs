using System.Collections;
using System.Globalization;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Panel;

/// <summary>
/// X1/A5: the business rules, one form per setting, checked by the same <see cref="ChangeSetting"/> (and the same
/// messages for a bad value) as in the bot; every change is audited there.
/// </summary>
public static class SettingsPage
{
    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapGet("/settings", async (HttpContext http, BookingDb db) =>
        {
            var user = PanelUser.From(http);
            var t = user.T;
            var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(http.RequestAborted) ?? new BusinessSettings();
            var h = new Html().Raw(Notice(user, http.Request)).Raw("<table class=\"settings\"><tbody>");
            foreach (var field in SettingFields.All)
            {
                var name = SettingFields.Name(field);
                // The bot's question for the field says what it means and what it accepts ("-" clears here too).
                var hint = t.Bot.Format("settings.ask_" + name, ("zone", t.Formats.Zone.Id));
                h.Raw("<tr><th>").Raw(t.Stripped("settings.button_" + name)).Raw("</th><td>")
                    .Raw("<form method=\"post\" class=\"inline\" action=\"/panel/settings\">").Raw(user.CsrfField)
                    .Raw("<input type=\"hidden\" name=\"field\"").Attr("value", name).Raw(">")
                    .Raw(Control(t, field, ChangeSetting.Read(settings, field)))
                    .Raw("<button type=\"submit\">").Raw(t["web.save_button"]).Raw("</button></form>")
                    .Raw("<div class=\"muted hint\">").Raw(WithoutLeadingEmoji(PanelTexts.FromTelegram(hint))).Raw("</div></td></tr>");
            }

            h.Raw("</tbody></table>").Raw(await HoursAsync(user, db, http.RequestAborted)).Raw("<p class=\"muted\">").Raw(t["web.settings_hint"]).Raw("</p>");
            return PanelLayout.Page(user, "/panel/settings", t.Plain("web.nav_settings"), h.ToString());
        }).Needs(Permission.ManageSettings);

        panel.MapPost("/settings", async (HttpContext http, ChangeSetting.Handler change) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var field = SettingFields.All.Where(f => SettingFields.Name(f) == form["field"].ToString()).Select(f => (SettingField?)f).FirstOrDefault();
            if (field is not { } f)
            {
                return Results.Redirect("/panel/settings");
            }

            var text = form["value"].ToString().Trim();
            var result = await change.HandleAsync(
                new ChangeSetting.Request(PanelUser.From(http).AdminId, f, text.Length == 0 && SettingFields.CanBeCleared(f) ? null : text), http.RequestAborted);
            var outcome = result.Outcome switch { ChangeSetting.Outcome.Changed => "saved", ChangeSetting.Outcome.Unchanged => "unchanged", _ => "invalid" };
            return Results.Redirect($"/panel/settings?done={outcome}&field={SettingFields.Name(f)}");
        }).Needs(Permission.ManageSettings);

        panel.MapPost("/settings/hours", SaveHoursAsync).Needs(Permission.ManageSettings);
    }

    /// <summary>A5: the regular hours of each weekday, Monday first; an empty value makes it a day off.</summary>
    private static async Task<string> HoursAsync(PanelUser user, BookingDb db, CancellationToken ct)
    {
        var t = user.T;
        var days = await db.WorkingDays.AsNoTracking().ToListAsync(ct);
        var h = new Html().Raw("<h2>").Raw(t["web.hours_title"]).Raw("</h2><table class=\"hours\"><tbody>");
        for (var i = 0; i < 7; i++)
        {
            var weekday = (DayOfWeek)((i + 1) % 7);
            var day = days.FirstOrDefault(d => d.Weekday == weekday);
            var value = day is { IsOpen: true } ? $"{day.Opens:HH\\:mm}-{day.Closes:HH\\:mm}" : string.Empty;
            h.Raw("<tr><th>").Text(t.Bot.ListItem("format.weekdays", i)).Raw("</th><td><form method=\"post\" class=\"inline\" action=\"/panel/settings/hours\">")
                .Raw(user.CsrfField).Raw("<input type=\"hidden\" name=\"weekday\"").Attr("value", ((int)weekday).ToString(CultureInfo.InvariantCulture)).Raw(">")
                .Raw("<input name=\"hours\" size=\"14\" placeholder=\"09:00-18:00\"").Attr("value", value).Attr("aria-label", t.Bot.ListItem("format.weekdays", i)).Raw(">")
                .Raw("<button type=\"submit\">").Raw(t["web.save_button"]).Raw("</button>")
                .Raw(day is { IsOpen: true } ? string.Empty : " <span class=\"muted\">" + t["web.day_off"] + "</span>").Raw("</form></td></tr>");
        }

        return h.Raw("</tbody></table><p class=\"muted\">").Raw(t["web.hours_hint"]).Raw("</p>").ToString();
    }

    private static string Notice(PanelUser user, HttpRequest request)
    {
        var field = SettingFields.All.Select(SettingFields.Name).FirstOrDefault(n => n == request.Query["field"].ToString());
        return request.Query["done"].ToString() switch
        {
            "saved" => $"<p class=\"flash\" role=\"status\">{user.T["web.done_saved"]}</p>",
            "unchanged" => $"<p class=\"flash\" role=\"status\">{user.T["web.done_unchanged"]}</p>",
            "invalid_hours" => $"<p class=\"notice\" role=\"alert\">{user.T.Stripped("settings.bad_hours")}</p>",
            "invalid" when field is not null => $"<p class=\"notice\" role=\"alert\">{user.T.Stripped("settings.bad_" + field)}</p>",
            _ => string.Empty,
        };
    }

    private static async Task<IResult> SaveHoursAsync(HttpContext http, SetWorkingHours.Handler hours)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!int.TryParse(form["weekday"], CultureInfo.InvariantCulture, out var day) || day is < 0 or > 6)
        {
            return Results.Redirect("/panel/settings");
        }

        var (actor, weekday, text) = (PanelUser.From(http).AdminId, (DayOfWeek)day, form["hours"].ToString().Trim());
        SetWorkingHours.Request? request = text is "" or "-"
            ? SetWorkingHours.Request.DayOff(actor, weekday)
            : Bot.Handlers.Admin.HoursInput.TryParse(text, out var opens, out var closes) ? SetWorkingHours.Request.Open(actor, weekday, opens, closes) : null;
        var outcome = request is null ? SetWorkingHours.Outcome.Invalid : await hours.HandleAsync(request, http.RequestAborted);
        return Results.Redirect("/panel/settings?done=" + outcome switch
        {
            SetWorkingHours.Outcome.Changed => "saved",
            SetWorkingHours.Outcome.Unchanged => "unchanged",
            _ => "invalid_hours",
        });
    }

    /// <summary>
    /// The input for a field: a choice where only a few values exist (the slot step, the phone question), a number box
    /// for a number, a text box otherwise. What comes back is read by the same <see cref="SettingInput"/> either way.
    /// </summary>
    private static string Control(PanelTexts t, SettingField field, object? value)
    {
        var label = t.Plain("settings.button_" + SettingFields.Name(field));
        var h = new Html();
        var choices = (field, value) switch
        {
            (SettingField.SlotInterval, int current) => Service.SlotIntervals.Select(m =>
                (Value: m.ToString(CultureInfo.InvariantCulture), Text: t.Bot.Format("settings.interval_button", ("minutes", m)), Selected: m == current)),
            (SettingField.PhoneRequest, PhoneRequest current) => Enum.GetValues<PhoneRequest>().Select(mode =>
                (Value: SettingInput.Name(mode), Text: t.Bot["settings.phone_" + SettingInput.Name(mode)], Selected: mode == current)),
            _ => null,
        };
        if (choices is not null)
        {
            h.Raw("<select name=\"value\"").Attr("aria-label", label).Raw(">");
            foreach (var (optionValue, text, selected) in choices)
            {
                h.Option(optionValue, text, selected);
            }

            return h.Raw("</select>").ToString();
        }

        return value is int number
            ? h.Raw("<input name=\"value\" type=\"number\" min=\"0\" step=\"1\" inputmode=\"numeric\"")
                .Attr("value", number.ToString(CultureInfo.InvariantCulture)).Attr("aria-label", label).Raw(">").ToString()
            : h.Raw("<input name=\"value\" size=\"32\"").Attr("value", Show(value)).Attr("aria-label", label).Raw(">").ToString();
    }

    /// <summary>The question opens with the field's emoji, which the label beside it already shows.</summary>
    private static string WithoutLeadingEmoji(string text) =>
        text.Length > 0 && !char.IsLetterOrDigit(text[0]) && text.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space ? text[(space + 1)..] : text;

    private static string Show(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IEnumerable list => string.Join(", ", list.Cast<object>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture))),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
