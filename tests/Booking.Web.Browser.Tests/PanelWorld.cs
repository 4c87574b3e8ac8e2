using System.Text.RegularExpressions;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.Playwright;

namespace Booking.Web.Browser.Tests;

/// <summary>
/// One browser test's world: the real host against the fake Bot API (<see cref="BotScenario"/>), listening on a real
/// port, and a fresh browser context. Admins sign in the way people do: /web in the bot, then the link.
/// </summary>
public sealed partial class PanelWorld : IAsyncDisposable
{
    public const long ModeratorId = 900_000_002;

    private PanelWorld(BotScenario scenario, IBrowserContext context, IPage page)
    {
        S = scenario;
        Context = context;
        Page = page;
    }

    public BotScenario S { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public static async Task<PanelWorld> StartAsync(Chromium chromium)
    {
        var scenario = await BotScenario.StartAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "ru-RU",
        });
        context.SetDefaultTimeout(15_000);

        // A navigation may be the host's first panel request (compiling its code, creating the data-protection key);
        // with the other test projects running beside it on two cores, a sign-in once took longer than 15 s.
        context.SetDefaultNavigationTimeout(60_000);
        return new PanelWorld(scenario, context, await context.NewPageAsync());
    }

    /// <summary>Where the host listens; every link the bot hands out starts with it.</summary>
    public string Url(string path) => new Uri(S.Host.Address, path).AbsoluteUri;

    /// <summary>Sends /web as <paramref name="admin"/> and returns the link from the bot's answer.</summary>
    public static async Task<string> AskForLinkAsync(FakeUser admin)
    {
        await admin.SendTextAsync("/web");
        var match = LinkPattern().Match(admin.LastMessage.Text);
        Assert.True(match.Success, "No sign-in link in: " + admin.LastMessage.Text);
        return match.Value;
    }

    /// <summary>Opens the link, presses "Sign in" and waits for the dashboard it leads to.</summary>
    public async Task SignInAsync(string link)
    {
        await Page.GotoAsync(link);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await ArriveAsync(Page, Url("/panel/"));
    }

    /// <summary>
    /// Waits for the page a submitted form leads to. Now and then (about one run in three of the browser tests while
    /// other test projects load both cores) Playwright never hears that such a navigation finished: the host's request
    /// log showed the POST, the redirect, the page, its stylesheet, its script and its event stream all served within
    /// half a second, and Playwright's wait still ran out after 60 s (Debian's Chromium is newer than the one this
    /// Playwright release was built against). After 15 s the page is opened again by its address, as a user would
    /// reload it; a sign-in that did not happen still fails, because the panel then answers with the login page.
    /// </summary>
    public static async Task ArriveAsync(IPage page, string url)
    {
        try
        {
            await page.WaitForURLAsync(url, new() { Timeout = 15_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            await page.GotoAsync(url);
        }
    }

    public async Task SignInAsOwnerAsync()
    {
        await SignInAsync(await AskForLinkAsync(S.Admin));
        Assert.EndsWith("/panel/", Page.Url, StringComparison.Ordinal);
    }

    public async Task<FakeUser> AddModeratorAsync()
    {
        await S.Host.DbAsync(async db =>
        {
            db.Admins.Add(new Admin(ModeratorId, AdminRole.Moderator, BotScenario.AdminId, S.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
        return S.Api.User(ModeratorId, "Мира", "mira");
    }

    /// <summary>A client books through the bot, as in the bot's own end-to-end tests.</summary>
    public static async Task BookAsync(FakeUser user, string day, string time)
    {
        await user.SendTextAsync("/book");
        await user.PressAsync("Массаж");
        await user.PressAsync(day);
        await user.PressAsync(time);
        await user.PressAsync("✅ Подтвердить");
        Assert.Contains("Вы записаны", user.LastMessage.Text, StringComparison.Ordinal);
    }

    /// <summary>Saves a full-page screenshot for the README (docs/screenshots, overwritten on every run).</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../docs/screenshots"));
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await S.DisposeAsync();
    }

    [GeneratedRegex(@"https?://\S+/panel/login\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();
}
