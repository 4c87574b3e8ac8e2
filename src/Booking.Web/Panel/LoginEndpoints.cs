using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Domain;
using Booking.Core.Features.Panel;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Booking.Web.Panel;

/// <summary>
/// X1: signing in with the link from /web. GET only shows a "Sign in" button, so Telegram's link preview (or any
/// other fetch of the URL) cannot spend the link; the button's POST (with an antiforgery token) consumes it once,
/// sets the panel cookie and goes to the dashboard.
/// </summary>
public static class LoginEndpoints
{
    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapGet("/login", (HttpContext http, TextProvider texts, IAntiforgery antiforgery) =>
        {
            var t = TextsFor(http, texts);
            var token = http.Request.Query["token"].ToString();
            if (http.Request.Query.ContainsKey("out"))
            {
                return PanelLayout.Bare(t, t.Plain("web.login_title"), $"<p>{t["web.logged_out"]}</p><p>{t["web.login_needed"]}</p>");
            }

            if (string.IsNullOrEmpty(token))
            {
                return PanelLayout.Bare(t, t.Plain("web.login_title"), $"<p>{t["web.login_needed"]}</p>", StatusCodes.Status401Unauthorized);
            }

            var csrf = antiforgery.GetAndStoreTokens(http).RequestToken;
            var form = new Html().Raw("<p>").Raw(t["web.login_prompt"]).Raw("</p><form method=\"post\" action=\"/panel/login\">")
                .Raw("<input type=\"hidden\" name=\"token\"").Attr("value", token).Raw(">")
                .Raw("<input type=\"hidden\"").Attr("name", PanelHosting.CsrfField).Attr("value", csrf).Raw(">")
                .Raw("<button type=\"submit\" class=\"primary\">").Raw(t["web.login_button"]).Raw("</button></form>");
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return PanelLayout.Bare(t, t.Plain("web.login_title"), form.ToString());
        });

        panel.MapPost("/login", async (HttpContext http, TextProvider texts, IAntiforgery antiforgery, RedeemPanelLogin.Handler redeem, TimeProvider clock) =>
        {
            var t = TextsFor(http, texts);
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return PanelLayout.Bare(t, t.Plain("web.bad_request_title"), $"<p>{t["web.bad_request"]}</p>", StatusCodes.Status400BadRequest);
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var result = await redeem.HandleAsync(form["token"].ToString(), http.RequestAborted);
            if (result.Outcome != RedeemPanelLogin.Outcome.SignedIn)
            {
                var key = result.Outcome switch
                {
                    RedeemPanelLogin.Outcome.AlreadyUsed => "web.login_used",
                    RedeemPanelLogin.Outcome.Expired => "web.login_expired",
                    RedeemPanelLogin.Outcome.NotAdmin => "web.login_not_admin",
                    _ => "web.login_unknown",
                };
                return PanelLayout.Bare(t, t.Plain("web.login_title"), $"<p class=\"notice\">{t[key]}</p>", StatusCodes.Status403Forbidden);
            }

            await http.SignInAsync(PanelHosting.Scheme, PanelHosting.Principal(result.AdminId, clock.GetUtcNow()),
                new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
            return Results.Redirect("/panel/");
        });

        panel.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.StatusCode(StatusCodes.Status400BadRequest);
            }

            await http.SignOutAsync(PanelHosting.Scheme);
            return Results.Redirect("/panel/login?out=1");
        });
    }

    /// <summary>Before sign-in nobody is known: the browser's preferred language, Russian by default.</summary>
    private static PanelTexts TextsFor(HttpContext http, TextProvider texts)
    {
        var accept = http.Request.Headers.AcceptLanguage.ToString();
        var language = accept.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : Languages.Default;
        var t = texts.For(language);
        return new PanelTexts(t, new Formats(t, TimeZoneInfo.Utc));
    }
}
