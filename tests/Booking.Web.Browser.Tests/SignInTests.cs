using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Booking.Web.Browser.Tests;

/// <summary>X1: signing in to the web panel with the one-time link the bot sends for /web.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SignInTests(Chromium chromium) : IAsyncLifetime
{
    private PanelWorld _w = null!;

    public async Task InitializeAsync() => _w = await PanelWorld.StartAsync(chromium);

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [BrowserFact]
    public async Task The_link_from_the_bot_signs_the_admin_in_once_and_a_second_use_is_refused()
    {
        var link = await PanelWorld.AskForLinkAsync(_w.S.Admin);
        Assert.Contains("10 мин", _w.S.Admin.LastMessage.Text, StringComparison.Ordinal);
        Assert.StartsWith(_w.Url("/panel/login?token="), link, StringComparison.Ordinal);
        var stored = await _w.S.Host.DbAsync(db => db.PanelLoginTokens.SingleAsync());
        Assert.DoesNotContain(stored.TokenHash, link, StringComparison.Ordinal);
        Assert.Equal(BotScenario.AdminId, stored.AdminId);

        // Opening the link (as a link preview would) spends nothing: only the button does.
        await _w.Page.GotoAsync(link);
        await _w.Page.GotoAsync(link);
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await PanelWorld.ArriveAsync(_w.Page, _w.Url("/panel/"));
        Assert.Equal("Сделано записей", await _w.Page.Locator("table.figures-table tbody th").First.InnerTextAsync());
        Assert.Equal(4, await _w.Page.Locator("figure.chart svg").CountAsync());

        var again = await _w.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU" });
        var other = await again.NewPageAsync();
        await other.GotoAsync(link);
        await other.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        Assert.Contains("уже использована", await other.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var dashboard = await other.GotoAsync(_w.Url("/panel/"));
        Assert.EndsWith("/panel/login", other.Url, StringComparison.Ordinal);
        Assert.Equal(401, dashboard!.Status);
        await again.DisposeAsync();
    }

    [BrowserFact]
    public async Task A_link_older_than_ten_minutes_is_refused()
    {
        var link = await PanelWorld.AskForLinkAsync(_w.S.Admin);
        _w.S.Clock.Advance(TimeSpan.FromMinutes(11));

        await _w.Page.GotoAsync(link);
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await _w.Page.Locator("main p.notice").WaitForAsync();

        Assert.Contains("Срок действия ссылки истёк", await _w.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await _w.Page.GotoAsync(_w.Url("/panel/"));
        Assert.EndsWith("/panel/login", _w.Page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_client_asking_for_a_link_gets_none_and_a_removed_admin_is_signed_out_at_once()
    {
        var anna = _w.S.User(1001, "Анна");
        await anna.SendTextAsync("/web");
        Assert.Contains("Не понял вас", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _w.S.Host.DbAsync(db => db.PanelLoginTokens.CountAsync()));

        var moderator = await _w.AddModeratorAsync();
        await _w.SignInAsync(await PanelWorld.AskForLinkAsync(moderator));
        Assert.Contains("модератор", await _w.Page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
        await _w.S.Host.DbAsync(async db =>
        {
            db.Admins.Remove(await db.Admins.SingleAsync(a => a.UserId == PanelWorld.ModeratorId));
            await db.SaveChangesAsync();
        });

        await _w.Page.GotoAsync(_w.Url("/panel/schedule"));

        Assert.EndsWith("/panel/login", _w.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await _w.Context.CookiesAsync(), c => c.Name == "bookingbot_panel");
    }

    [BrowserFact]
    public async Task Signing_out_ends_the_session()
    {
        await _w.SignInAsOwnerAsync();
        await _w.Page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        Assert.Contains("Вы вышли из панели", await _w.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await _w.Page.GotoAsync(_w.Url("/panel/"));
        Assert.EndsWith("/panel/login", _w.Page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Data_protection_keys_live_in_the_database_so_a_restart_keeps_the_session()
    {
        await _w.SignInAsOwnerAsync();
        Assert.NotEqual(0, await _w.S.Host.DbAsync(db => db.DataProtectionKeys.CountAsync()));

        await _w.S.Host.RestartAsync();
        await _w.Page.GotoAsync(new Uri(_w.S.Host.Address, "/panel/").AbsoluteUri);

        Assert.Contains("Сделано записей", await _w.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
