using System.Net;
using Booking.TestKit.Hosting;
using Booking.Web.Panel;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.Panel;

/// <summary>X1: who may open what in the web panel, over plain HTTP against the real host.</summary>
public sealed class PanelAccessTests : IAsyncLifetime
{
    private const long ModeratorId = PanelAdmins.ModeratorId;

    private static readonly string[] ModeratorPages = ["/panel/", "/panel/schedule", "/panel/bookings", "/panel/services", "/panel/blocks"];

    private static readonly string[] SuperAdminPages =
        ["/panel/settings", "/panel/days", "/panel/broadcasts", "/panel/admins", "/panel/texts", "/panel/audit", "/panel/export", "/panel/export/bookings.csv",
            "/panel/export/clients.csv", "/panel/export/audit.csv"];

    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public void Every_panel_endpoint_but_signing_in_and_the_assets_declares_the_permission_it_needs()
    {
        var open = new[] { "/panel/login", "/panel/logout", "/panel/panel.css", "/panel/panel.js" };
        var endpoints = _s.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/panel", StringComparison.Ordinal) == true && !open.Contains(e.RoutePattern.RawText))
            .ToList();

        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} panel endpoints found");
        Assert.All(endpoints, e => Assert.True(e.Metadata.GetMetadata<PanelAccess>() is not null, e.DisplayName));
    }

    [Fact]
    public async Task Without_signing_in_every_page_sends_to_the_sign_in_page_and_every_action_is_refused()
    {
        using var anonymous = new PanelClient(_s);
        foreach (var page in ModeratorPages.Concat(SuperAdminPages).Append("/panel/events"))
        {
            var response = await anonymous.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, page + " answered " + response.StatusCode);
        }

        var post = await anonymous.PostAsync("/panel/settings", new Dictionary<string, string> { ["field"] = "booking_limit", ["value"] = "9" });
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        var login = await anonymous.GetAsync("/panel/login");
        Assert.Contains("отправьте боту /web", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moderator_opens_the_pages_of_their_role_and_gets_403_on_every_super_admin_page()
    {
        await PanelAdmins.AddModeratorAsync(_s);
        using var moderator = new PanelClient(_s);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.SignInAsync(await PanelClient.LinkAsync(_s.Api.User(ModeratorId, "Мира")))).StatusCode);

        foreach (var page in ModeratorPages)
        {
            Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(page)).StatusCode);
        }

        foreach (var page in SuperAdminPages)
        {
            var response = await moderator.GetAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Нет доступа", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_presses_of_the_same_link_at_once_sign_in_exactly_one()
    {
        var link = await PanelClient.LinkAsync(_s.Admin);
        using var first = new PanelClient(_s);
        using var second = new PanelClient(_s);
        var firstPage = await first.GetStringAsync(link);
        var secondPage = await second.GetStringAsync(link);
        var token = new Uri(link).Query["?token=".Length..];

        var answers = await Task.WhenAll(
            first.PostAsync("/panel/login", new Dictionary<string, string> { ["token"] = token, ["_csrf"] = PanelClient.Csrf(firstPage) }),
            second.PostAsync("/panel/login", new Dictionary<string, string> { ["token"] = token, ["_csrf"] = PanelClient.Csrf(secondPage) }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Forbidden);
        Assert.NotNull(await _s.Host.DbAsync(db => db.PanelLoginTokens.Select(t => t.UsedUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_session_ends_three_days_after_signing_in_however_active_it_is()
    {
        using var owner = new PanelClient(_s);
        await owner.SignInAsync(await PanelClient.LinkAsync(_s.Admin));
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/panel/schedule")).StatusCode);
            _s.Clock.Advance(TimeSpan.FromHours(10));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/panel/schedule")).StatusCode);
    }

    [Fact]
    public async Task A_session_left_alone_for_more_than_twelve_hours_ends()
    {
        using var owner = new PanelClient(_s);
        await owner.SignInAsync(await PanelClient.LinkAsync(_s.Admin));
        _s.Clock.Advance(TimeSpan.FromHours(11));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/panel/schedule")).StatusCode);

        _s.Clock.Advance(TimeSpan.FromHours(12.5));

        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/panel/schedule")).StatusCode);
    }

    [Fact]
    public async Task An_admin_who_speaks_english_gets_the_panel_in_english()
    {
        await PanelAdmins.AddModeratorAsync(_s);
        var mira = _s.Api.User(ModeratorId, "Mira", null, "en");
        using var moderator = new PanelClient(_s);
        await moderator.SignInAsync(await PanelClient.LinkAsync(mira));
        Assert.Contains("only once", mira.LastMessage.Text, StringComparison.Ordinal);

        var page = await moderator.GetStringAsync("/panel/bookings");

        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains(">Bookings</a>", page, StringComparison.Ordinal);
        Assert.Contains("moderator", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Settings", page, StringComparison.Ordinal);
    }
}
