using System.Globalization;
using Booking.Bot.Handlers.Admin;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;

namespace Booking.Web.Panel;

/// <summary>
/// X1/A1: the admins — the list with roles, changing a role, removing (after a question, as in the bot), and adding
/// one the bot's way: by Telegram id with a role. Every change goes through <see cref="AdminTeam"/>, the service the
/// bot's screens use, so the rules (owners fixed, never the last super admin), the audit entries, the message to the
/// person and their command menu are the bot's.
/// </summary>
public static class AdminsPage
{
    private const string Path = "/panel/admins";

    private static readonly string[] Notices = ["done", "already", "owner_fixed", "last_super", "unchanged", "not_found", "add_bad_id"];

    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapGet("/admins", async (HttpContext http, AdminTeam team) =>
        {
            var user = PanelUser.From(http);
            var t = user.T;
            var h = new Html().Raw(Notice(user, http.Request)).Raw("<table class=\"admins\"><thead><tr><th>").Raw(t["web.admin_name"]).Raw("</th><th>").Raw(t["web.admin_id"]).Raw("</th><th>")
                .Raw(t["web.admin_role"]).Raw("</th><th>").Raw(t["web.col_actions"]).Raw("</th></tr></thead><tbody>");
            foreach (var a in await team.ListAsync(http.RequestAborted))
            {
                var id = a.UserId.ToString(CultureInfo.InvariantCulture);
                h.Raw("<tr").Attr("data-admin", id).Raw("><td>").Text(a.Name ?? "—").Raw("</td><td>").Text(id).Raw("</td><td>")
                    .Raw(a.IsOwner ? t["web.admin_owner"] : Html.Encode(AdminTeam.RoleName(t.Bot, a.Role))).Raw("</td><td>");
                if (!a.IsOwner)
                {
                    var other = a.Role == AdminRole.SuperAdmin ? AdminRole.Moderator : AdminRole.SuperAdmin;
                    h.Raw($"<form method=\"post\" class=\"inline\" action=\"/panel/admins/{id}/role\">").Raw(user.CsrfField)
                        .Raw("<input type=\"hidden\" name=\"role\"").Attr("value", other.ToString()).Raw("><button type=\"submit\">")
                        .Raw(PanelTexts.FromTelegram(t.Bot.Format("admins.make_button", ("role", AdminTeam.RoleName(t.Bot, other))))).Raw("</button></form> ")
                        .Raw($"<a class=\"danger\" href=\"/panel/admins/{id}/remove\">").Raw(t.Stripped("admins.remove_button")).Raw("</a>");
                }

                h.Raw("</td></tr>");
            }

            h.Raw("</tbody></table><h2>").Raw(t["web.admin_new"]).Raw("</h2><form method=\"post\" class=\"stack box\" action=\"/panel/admins\">").Raw(user.CsrfField)
                .Raw("<p class=\"muted pre\">").Raw(t.Stripped("admins.add_prompt")).Raw("</p>")
                .Raw("<label>").Raw(t["web.admin_id"]).Raw("<input name=\"id\" inputmode=\"numeric\" pattern=\"[0-9]+\" required></label><label>").Raw(t["web.admin_role"])
                .Raw("<select name=\"role\">").Raw(Option(t, AdminRole.Moderator)).Raw(Option(t, AdminRole.SuperAdmin)).Raw("</select></label>")
                .Raw("<div><button type=\"submit\" class=\"primary\">").Raw(t.Stripped("admins.add_button")).Raw("</button></div></form>");
            return PanelLayout.Page(user, Path, t.Plain("web.nav_admins"), h.ToString());
        }).Needs(Permission.ManageAdmins);

        panel.MapPost("/admins", async (HttpContext http, AdminTeam team) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (!long.TryParse(form["id"].ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || userId <= 0 || Role(form["role"]) is not { } role)
            {
                return Results.Redirect(Path + "?done=add_bad_id");
            }

            return Done(await team.AddAsync(PanelUser.From(http).AdminId, userId, role, http.RequestAborted));
        }).Needs(Permission.ManageAdmins);

        panel.MapPost("/admins/{id:long}/role", async (long id, HttpContext http, AdminTeam team) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return Role(form["role"]) is { } role
                ? Done(await team.ChangeRoleAsync(PanelUser.From(http).AdminId, id, role, http.RequestAborted))
                : Results.Redirect(Path);
        }).Needs(Permission.ManageAdmins);

        panel.MapGet("/admins/{id:long}/remove", (long id, HttpContext http) =>
        {
            var user = PanelUser.From(http);
            var t = user.T;
            var h = new Html().Raw("<section class=\"box\"><p>").Raw(PanelTexts.FromTelegram(t.Bot.Format("admins.remove_ask", ("id", id))))
                .Raw($"</p><form method=\"post\" action=\"/panel/admins/{id.ToString(CultureInfo.InvariantCulture)}/remove\">").Raw(user.CsrfField)
                .Raw("<button type=\"submit\" class=\"danger\">").Raw(t.Stripped("admins.remove_yes_button")).Raw("</button> <a href=\"/panel/admins\">")
                .Raw(t["web.back"]).Raw("</a></form></section>");
            return PanelLayout.Page(user, Path, t.Plain("web.nav_admins"), h.ToString());
        }).Needs(Permission.ManageAdmins);

        panel.MapPost("/admins/{id:long}/remove", async (long id, HttpContext http, AdminTeam team) =>
            Done(await team.RemoveAsync(PanelUser.From(http).AdminId, id, http.RequestAborted))).Needs(Permission.ManageAdmins);
    }

    private static IResult Done(ManageAdmins.Outcome outcome) => Results.Redirect(Path + "?done=" + AdminTeam.NoticeKey(outcome)["admins.".Length..]);

    private static AdminRole? Role(string? value) => Enum.TryParse<AdminRole>(value, out var role) && Enum.IsDefined(role) ? role : null;

    private static string Option(PanelTexts t, AdminRole role) =>
        $"<option value=\"{role}\">{Html.Encode(AdminTeam.RoleName(t.Bot, role))}</option>";

    private static string Notice(PanelUser user, HttpRequest request)
    {
        var done = request.Query["done"].ToString();
        return Notices.Contains(done)
            ? $"<p class=\"{(done == "done" ? "flash" : "notice")}\" role=\"status\">{user.T.Stripped("admins." + done)}</p>"
            : string.Empty;
    }
}
