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
                h.Raw("<tr><th>").Raw(t.Stripped("settings.button_" + name)).Raw("</th><td>")
                    .Raw("<form method=\"post\" class=\"inline\" action=\"/panel/settings\">").Raw(user.CsrfField)
                    .Raw("<input type=\"hidden\" name=\"field\"").Attr("value", name).Raw(">")
                    .Raw("<input name=\"value\" size=\"32\"").Attr("value", Show(ChangeSetting.Read(settings, field))).Attr("aria-label", t.Plain("settings.button_" + name)).Raw(">")
                    .Raw("<button type=\"submit\">").Raw(t["web.save_button"]).Raw("</button></form></td></tr>");
            }

            h.Raw("</tbody></table><p class=\"muted\">").Raw(t["web.settings_hint"]).Raw("</p>");
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
    }

    private static string Notice(PanelUser user, HttpRequest request)
    {
        var field = SettingFields.All.Select(SettingFields.Name).FirstOrDefault(n => n == request.Query["field"].ToString());
        return request.Query["done"].ToString() switch
        {
            "saved" => $"<p class=\"flash\" role=\"status\">{user.T["web.done_saved"]}</p>",
            "unchanged" => $"<p class=\"flash\" role=\"status\">{user.T["web.done_unchanged"]}</p>",
            "invalid" when field is not null => $"<p class=\"notice\" role=\"alert\">{user.T.Stripped("settings.bad_" + field)}</p>",
            _ => string.Empty,
        };
    }

    private static string Show(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IEnumerable list => string.Join(", ", list.Cast<object>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture))),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
