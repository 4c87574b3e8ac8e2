using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Services;

namespace Booking.Web.Panel;

/// <summary>
/// X1/A4: services — the list, a new one, editing every field, hiding and showing. Input is read by
/// <see cref="ServiceInput"/> and saved by the same features as the bot's service screens, so the rules and the audit
/// entries are the bot's.
/// </summary>
public static class ServicesPage
{
    private static readonly string[] Fields = ["name", "description", "duration", "price", "interval"];

    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapGet("/services", async (HttpContext http, ListAllServices.Handler list) =>
        {
            var user = PanelUser.From(http);
            var (t, f) = (user.T, user.T.Formats);
            var services = (await list.HandleAsync(http.RequestAborted)).Where(s => !s.IsDeleted).ToList();
            var h = new Html().Raw(Notice(user, http.Request)).Raw("<table class=\"services\"><thead><tr>")
                .Raw($"<th>{t["web.service_name"]}</th><th>{t["web.service_duration"]}</th><th>{t["web.service_price"]}</th><th>{t["web.service_interval"]}</th><th>{t["web.col_status"]}</th><th>{t["web.col_actions"]}</th></tr></thead><tbody>");
            foreach (var s in services)
            {
                var id = s.Id.ToString(CultureInfo.InvariantCulture);
                h.Raw("<tr").Attr("data-service", id).Raw("><td><b>").Text(s.Name).Raw("</b>");
                if (!string.IsNullOrWhiteSpace(s.Description))
                {
                    h.Raw("<br><span class=\"muted\">").Text(s.Description).Raw("</span>");
                }

                h.Raw("</td><td>").Raw(f.Duration(s.DurationMinutes)).Raw("</td><td>").Raw(f.Price(s.Price, s.Currency)).Raw("</td><td>")
                    .Raw(s.SlotIntervalMinutes is { } m ? f.Duration(m) : t["web.service_interval_default"]).Raw("</td><td>")
                    .Raw(t[s.IsActive ? "web.service_active" : "web.service_hidden"]).Raw("</td><td>")
                    .Raw($"<a href=\"/panel/services/{id}\">").Raw(t["web.edit_button"]).Raw("</a> ")
                    .Raw($"<form method=\"post\" class=\"inline\" action=\"/panel/services/{id}/toggle\">").Raw(user.CsrfField)
                    .Raw("<button type=\"submit\">").Raw(t[s.IsActive ? "web.hide_button" : "web.show_button"]).Raw("</button></form></td></tr>");
            }

            h.Raw("</tbody></table><h2>").Raw(t["web.service_new"]).Raw("</h2>").Raw(Form(user, "/panel/services", null, "web.create_button"));
            return PanelLayout.Page(user, "/panel/services", t.Plain("web.nav_services"), h.ToString());
        }).Needs(Permission.ManageServices);

        panel.MapGet("/services/{id:int}", async (int id, HttpContext http, ListAllServices.Handler list) =>
        {
            var user = PanelUser.From(http);
            var service = (await list.HandleAsync(http.RequestAborted)).FirstOrDefault(s => s.Id == id && !s.IsDeleted);
            if (service is null)
            {
                return Results.Redirect("/panel/services");
            }

            var body = Notice(user, http.Request) + Form(user, $"/panel/services/{id}", service, "web.save_button")
                + $"<p><a href=\"/panel/services\">{user.T["web.back"]}</a></p>";
            return PanelLayout.Page(user, "/panel/services", service.Name, body);
        }).Needs(Permission.ManageServices);

        panel.MapPost("/services", async (HttpContext http, CreateService.Handler create) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (Read(form) is not { } input)
            {
                return Results.Redirect("/panel/services?done=invalid&field=" + FirstInvalid(form));
            }

            var result = await create.HandleAsync(new CreateService.Request(PanelUser.From(http).AdminId, input.Name, input.Description, input.Duration,
                input.Price, input.Currency, input.Interval), http.RequestAborted);
            return Results.Redirect("/panel/services?done=" + (result.Outcome == CreateService.Outcome.Created ? "created" : "invalid"));
        }).Needs(Permission.ManageServices);

        panel.MapPost("/services/{id:int}", async (int id, HttpContext http, ListAllServices.Handler list, EditService.Handler edit) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (Read(form) is not { } input)
            {
                return Results.Redirect($"/panel/services/{id}?done=invalid&field=" + FirstInvalid(form));
            }

            var (actor, ct) = (PanelUser.From(http).AdminId, http.RequestAborted);
            var s = (await list.HandleAsync(ct)).FirstOrDefault(x => x.Id == id && !x.IsDeleted);
            if (s is null)
            {
                return Results.Redirect("/panel/services");
            }

            // Only what changed is saved, so the audit log gets one entry per field really edited.
            var (name, description, duration, price, currency, interval) = (s.Name, s.Description, s.DurationMinutes, s.Price, s.Currency, s.SlotIntervalMinutes);
            if (input.Name != name)
            {
                await edit.RenameAsync(actor, id, input.Name, ct);
            }

            if (input.Description != description)
            {
                await edit.DescribeAsync(actor, id, input.Description, ct);
            }

            if (input.Duration != duration)
            {
                await edit.ChangeDurationAsync(actor, id, input.Duration, ct);
            }

            if (input.Price != price || input.Currency != currency)
            {
                await edit.ChangePriceAsync(actor, id, input.Price, input.Currency, ct);
            }

            if (input.Interval != interval)
            {
                await edit.UseSlotIntervalAsync(actor, id, input.Interval, ct);
            }

            return Results.Redirect("/panel/services?done=saved");
        }).Needs(Permission.ManageServices);

        panel.MapPost("/services/{id:int}/toggle", async (int id, HttpContext http, ListAllServices.Handler list, EditService.Handler edit) =>
        {
            var service = (await list.HandleAsync(http.RequestAborted)).FirstOrDefault(s => s.Id == id);
            if (service is not null)
            {
                await edit.SetActiveAsync(PanelUser.From(http).AdminId, id, !service.IsActive, http.RequestAborted);
            }

            return Results.Redirect("/panel/services?done=" + (service is null ? "not_found" : service.IsActive ? "hidden" : "shown"));
        }).Needs(Permission.ManageServices);
    }

    private sealed record Input(string Name, string? Description, int Duration, decimal Price, string Currency, int? Interval);

    private static Input? Read(IFormCollection form)
    {
        var description = form["description"].ToString();
        var interval = form["interval"].ToString();
        return ServiceInput.TryName(form["name"].ToString(), out var name)
            && ServiceInput.TryDescription(description.Trim().Length == 0 ? ServiceInput.Skip : description, out var about)
            && ServiceInput.TryDuration(form["duration"].ToString(), out var minutes)
            && ServiceInput.TryPrice(form["price"].ToString(), out var price, out var currency)
            && (interval.Length == 0 || (int.TryParse(interval, CultureInfo.InvariantCulture, out var m) && Service.IsValidSlotInterval(m)))
            ? new Input(name, about, minutes, price, currency, interval.Length == 0 ? null : int.Parse(interval, CultureInfo.InvariantCulture))
            : null;
    }

    private static string FirstInvalid(IFormCollection form)
    {
        var description = form["description"].ToString();
        return !ServiceInput.TryName(form["name"].ToString(), out _) ? "name"
            : !ServiceInput.TryDescription(description.Trim().Length == 0 ? ServiceInput.Skip : description, out _) ? "description"
            : !ServiceInput.TryDuration(form["duration"].ToString(), out _) ? "duration"
            : !ServiceInput.TryPrice(form["price"].ToString(), out _, out _) ? "price"
            : "interval";
    }

    private static string Form(PanelUser user, string action, Service? s, string buttonKey)
    {
        var t = user.T;
        var h = new Html().Raw("<form method=\"post\" class=\"stack box\"").Attr("action", action).Raw(">").Raw(user.CsrfField)
            .Raw("<label>").Raw(t["web.service_name"]).Raw("<input name=\"name\" required maxlength=\"128\"").Attr("value", s?.Name).Raw("></label>")
            .Raw("<label>").Raw(t["web.service_description"]).Raw("<textarea name=\"description\" maxlength=\"1024\">").Text(s?.Description).Raw("</textarea></label>")
            .Raw("<label>").Raw(t["web.service_duration_minutes"]).Raw("<input name=\"duration\" type=\"number\" min=\"15\" max=\"480\" required")
            .Attr("value", (s?.DurationMinutes ?? 60).ToString(CultureInfo.InvariantCulture)).Raw("></label>")
            .Raw("<label>").Raw(t["web.service_price"]).Raw("<input name=\"price\" required")
            .Attr("value", s is null ? string.Empty : s.Price.ToString("0.##", CultureInfo.InvariantCulture) + (s.Currency == ServiceInput.DefaultCurrency ? string.Empty : " " + s.Currency)).Raw("></label>")
            .Raw("<label>").Raw(t["web.service_interval"]).Raw("<select name=\"interval\"><option value=\"\">").Raw(t["web.service_interval_default"]).Raw("</option>");
        foreach (var minutes in Service.SlotIntervals)
        {
            h.Raw("<option").Attr("value", minutes.ToString(CultureInfo.InvariantCulture)).Raw(s?.SlotIntervalMinutes == minutes ? " selected>" : ">")
                .Raw(user.T.Formats.Duration(minutes)).Raw("</option>");
        }

        return h.Raw("</select></label><div><button type=\"submit\" class=\"primary\">").Raw(t[buttonKey]).Raw("</button></div></form>").ToString();
    }

    private static string Notice(PanelUser user, HttpRequest request)
    {
        var field = Fields.FirstOrDefault(f => f == request.Query["field"].ToString());
        return request.Query["done"].ToString() switch
        {
            "invalid" when field is not null => $"<p class=\"notice\" role=\"alert\">{user.T.Stripped("services.bad_" + field)}</p>",
            "created" or "saved" or "hidden" or "shown" or "not_found" => PanelLayout.Flash(user, request),
            _ => string.Empty,
        };
    }
}
