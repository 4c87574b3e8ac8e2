using System.Net;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.Panel;

/// <summary>
/// X1/A1 in the panel: the owner adds an admin by Telegram id (the bot's way), changes the role and removes them;
/// the person hears about each change in the bot, the audit log has each, and only super admins get the page.
/// </summary>
public sealed class AdminsPanelTests : IAsyncLifetime
{
    private const long NewAdminId = 555_000_001;

    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_owner_adds_an_admin_by_id_promotes_and_removes_them_and_they_are_told_each_time()
    {
        var lena = _s.Api.User(NewAdminId, "Лена", "lena");
        await lena.SendTextAsync("/start");
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        var added = await owner.FollowAsync(await owner.SubmitAsync("/panel/admins", "/panel/admins",
            new Dictionary<string, string> { ["id"] = NewAdminId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "Moderator" }));
        Assert.Contains("✅ Готово.", added, StringComparison.Ordinal);
        Assert.Contains("@lena", added, StringComparison.Ordinal);
        Assert.Contains("Вас назначили администратором (🛡 модератор)", lena.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(AdminRole.Moderator, await RoleAsync());

        var promoted = await owner.FollowAsync(await owner.SubmitAsync("/panel/admins", $"/panel/admins/{NewAdminId}/role", new Dictionary<string, string> { ["role"] = "SuperAdmin" }));
        Assert.Contains("✅ Готово.", promoted, StringComparison.Ordinal);
        Assert.Contains("Ваша роль администратора изменена: 👑 супер-админ", lena.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(AdminRole.SuperAdmin, await RoleAsync());

        var ask = await owner.GetStringAsync($"/panel/admins/{NewAdminId}/remove");
        Assert.Contains($"Убрать {NewAdminId} из администраторов?", ask, StringComparison.Ordinal);
        Assert.Equal(AdminRole.SuperAdmin, await RoleAsync());
        await owner.FollowAsync(await owner.PostAsync($"/panel/admins/{NewAdminId}/remove", new Dictionary<string, string> { ["_csrf"] = PanelClient.Csrf(ask) }));

        Assert.Contains("Вы больше не администратор", lena.LastMessage.Text, StringComparison.Ordinal);
        Assert.Null(await RoleAsync());
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorId, a.Target }).ToListAsync());
        Assert.Equal(["admin.add", "admin.role", "admin.remove"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal((BotScenario.AdminId, $"user:{NewAdminId}"), (a.ActorId, a.Target)));
    }

    [Fact]
    public async Task An_owner_from_admin_ids_cannot_be_removed_and_a_bad_id_is_refused()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        var list = await owner.GetStringAsync("/panel/admins");
        var fixedOwner = await owner.FollowAsync(await owner.SubmitAsync("/panel/admins", $"/panel/admins/{BotScenario.AdminId}/remove", new Dictionary<string, string>()));
        var badId = await owner.FollowAsync(await owner.SubmitAsync("/panel/admins", "/panel/admins", new Dictionary<string, string> { ["id"] = "@lena", ["role"] = "Moderator" }));

        Assert.Contains(">👑 владелец<", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.DoesNotContain($"/panel/admins/{BotScenario.AdminId}/remove", list, StringComparison.Ordinal);
        Assert.Contains("Владельца из ADMIN_IDS нельзя изменить", fixedOwner, StringComparison.Ordinal);
        Assert.Contains("Это не похоже на Telegram ID", badId, StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Admins.CountAsync()));
        Assert.Equal(0, await _s.Host.DbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_moderator_can_neither_see_nor_change_the_admins()
    {
        await PanelAdmins.AddModeratorAsync(_s);
        using var moderator = await PanelClient.SignedInAsync(_s, PanelAdmins.Moderator(_s));

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/panel/admins")).StatusCode);
        var add = await moderator.SubmitAsync("/panel/", "/panel/admins", new Dictionary<string, string> { ["id"] = "555", ["role"] = "SuperAdmin" });
        var promote = await moderator.SubmitAsync("/panel/", $"/panel/admins/{PanelAdmins.ModeratorId}/role", new Dictionary<string, string> { ["role"] = "SuperAdmin" });

        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.DoesNotContain("/panel/admins", await moderator.GetStringAsync("/panel/"), StringComparison.Ordinal);
        Assert.Equal([(PanelAdmins.ModeratorId, AdminRole.Moderator)], await _s.Host.DbAsync(db => db.Admins.Select(a => ValueTuple.Create(a.UserId, a.Role)).ToListAsync()));
    }

    [Fact]
    public async Task Adding_an_admin_without_the_antiforgery_token_is_refused()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        var add = await owner.PostAsync("/panel/admins", new Dictionary<string, string> { ["id"] = "555", ["role"] = "SuperAdmin" });

        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Admins.CountAsync()));
    }

    private Task<AdminRole?> RoleAsync() =>
        _s.Host.DbAsync(db => db.Admins.Where(a => a.UserId == NewAdminId).Select(a => (AdminRole?)a.Role).SingleOrDefaultAsync());
}
