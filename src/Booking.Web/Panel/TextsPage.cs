using Booking.Bot.Handlers.Admin;
using Booking.Bot.Texts;
using Booking.Core.Domain;
using Booking.Core.Features.Texts;

namespace Booking.Web.Panel;

/// <summary>
/// X1/A10: the texts editor — every key by section, in both languages, with its default; saving goes through
/// <see cref="EditTexts"/>, which checks placeholders and markup exactly as for a text typed in the bot, and a refusal
/// is explained with the bot's own words.
/// </summary>
public static class TextsPage
{
    private const int PreviewLength = 110;

    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapGet("/texts", (HttpContext http, TextKeyIndex index, TextProvider texts, TextOverrideCache overrides) =>
        {
            var user = PanelUser.From(http);
            var t = user.T;
            var category = index.Categories.Contains(http.Request.Query["category"].ToString()) ? http.Request.Query["category"].ToString() : index.Categories[0];
            var h = new Html().Raw(PanelLayout.Flash(user, http.Request)).Raw("<p class=\"tabs\">");
            foreach (var c in index.Categories)
            {
                h.Raw("<a").Attr("href", "/panel/texts?category=" + c).Raw(c == category ? " class=\"active\">" : ">").Text(c).Raw("</a> ");
            }

            h.Raw($"</p><table class=\"texts\"><thead><tr><th>{t["web.text_key"]}</th><th>Русский</th><th>English</th><th></th></tr></thead><tbody>");
            foreach (var key in index.KeysOf(category))
            {
                h.Raw("<tr").Attr("data-key", key).Raw("><td><code>").Text(key).Raw("</code></td>");
                foreach (var language in Languages.All)
                {
                    var value = texts.For(language)[key];
                    h.Raw("<td>").Text(value.Length > PreviewLength ? value[..PreviewLength] + "…" : value)
                        .Raw(overrides.IsOverridden(language, key) ? " <span class=\"muted\">✏️</span>" : string.Empty).Raw("</td>");
                }

                h.Raw("<td><a").Attr("href", "/panel/texts/edit?key=" + Uri.EscapeDataString(key)).Raw(">").Raw(t["web.edit_button"]).Raw("</a></td></tr>");
            }

            h.Raw("</tbody></table>");
            return PanelLayout.Page(user, "/panel/texts", t.Plain("web.nav_texts"), h.ToString());
        }).Needs(Permission.EditTexts);

        panel.MapGet("/texts/edit", (HttpContext http, TextCatalog catalog, TextProvider texts, TextOverrideCache overrides) =>
        {
            var key = http.Request.Query["key"].ToString();
            return catalog.Find(Languages.Default, key) is null
                ? Results.Redirect("/panel/texts")
                : EditPage(PanelUser.From(http), key, catalog, texts, overrides, null, null, null, StatusCodes.Status200OK, http.Request);
        }).Needs(Permission.EditTexts);

        panel.MapPost("/texts", async (HttpContext http, EditTexts.Handler edit, TextCatalog catalog, TextProvider texts, TextOverrideCache overrides) =>
        {
            var user = PanelUser.From(http);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (key, language, text) = (form["key"].ToString(), form["language"].ToString(), form["text"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
            var reset = form.ContainsKey("reset");
            var result = reset
                ? await edit.ResetAsync(user.AdminId, key, language, http.RequestAborted)
                : await edit.SetAsync(user.AdminId, key, language, text, http.RequestAborted);
            return result.Outcome switch
            {
                EditTexts.Outcome.NotFound => Results.Redirect("/panel/texts"),
                EditTexts.Outcome.Invalid => EditPage(user, key, catalog, texts, overrides, language, text,
                    PanelTexts.FromTelegram(TextEditor.Refusal(user.T.Bot, result.Check!)), StatusCodes.Status422UnprocessableEntity, http.Request),
                _ => Results.Redirect($"/panel/texts/edit?key={Uri.EscapeDataString(key)}&done=" + (result.Outcome == EditTexts.Outcome.Done ? (reset ? "reset" : "saved") : "unchanged")),
            };
        }).Needs(Permission.EditTexts);
    }

    private static IResult EditPage(
        PanelUser user, string key, TextCatalog catalog, TextProvider texts, TextOverrideCache overrides, string? typedLanguage, string? typed, string? refusal,
        int status, HttpRequest request)
    {
        var t = user.T;
        var h = new Html().Raw(PanelLayout.Flash(user, request));
        if (refusal is not null)
        {
            h.Raw("<p class=\"notice\" role=\"alert\" style=\"white-space:pre-line\">").Raw(refusal).Raw("</p>");
        }

        foreach (var language in Languages.All)
        {
            var current = language == typedLanguage && typed is not null ? typed : texts.For(language)[key];
            h.Raw("<section class=\"box\"").Attr("data-language", language).Raw("><h2>").Raw(language == "ru" ? "Русский" : "English").Raw("</h2>")
                .Raw("<p class=\"muted\">").Raw(t["web.text_default"]).Raw("</p><pre class=\"value muted\">").Text(catalog.Default(language, key) ?? string.Empty).Raw("</pre>")
                .Raw("<form method=\"post\" action=\"/panel/texts\" class=\"stack\">").Raw(user.CsrfField)
                .Raw("<input type=\"hidden\" name=\"key\"").Attr("value", key).Raw("><input type=\"hidden\" name=\"language\"").Attr("value", language).Raw(">")
                .Raw("<textarea name=\"text\"").Attr("aria-label", key + " " + language).Raw(">").Text(current).Raw("</textarea><div>")
                .Raw("<button type=\"submit\" class=\"primary\">").Raw(t["web.save_button"]).Raw("</button> ");
            if (overrides.IsOverridden(language, key))
            {
                h.Raw("<button type=\"submit\" name=\"reset\" value=\"1\">").Raw(t["web.reset_button"]).Raw("</button>");
            }

            h.Raw("</div></form></section>");
        }

        h.Raw("<p><a").Attr("href", "/panel/texts?category=" + TextKeyIndex.CategoryOf(key)).Raw(">").Raw(t["web.back"]).Raw("</a></p>");
        return PanelLayout.Page(user, "/panel/texts", key, h.ToString(), status);
    }
}
