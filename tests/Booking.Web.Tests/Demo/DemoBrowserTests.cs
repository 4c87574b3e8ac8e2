using Microsoft.Playwright;

namespace Booking.Web.Tests.Demo;

/// <summary>The demo chat in a real browser (Debian's Chromium, never a downloaded one), clicked through like a visitor would.</summary>
public sealed class DemoBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private DemoHost _demo = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _demo = await DemoHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _demo.DisposeAsync();
    }

    [Fact]
    public async Task A_visitor_clicks_through_to_a_booking_and_the_owner_sees_it_announced()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 430, Height = 900 }, Locale = "ru-RU", TimezoneId = "Europe/Moscow",
        });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(_demo.Session.ChatUrl.ToString());

        await page.ClickAsync("#start-button");
        await page.GetByRole(AriaRole.Button, new() { Name = "Классический массаж", Exact = false }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "1 🟢", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "14:00", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "✅ Подтвердить" }).ClickAsync();

        var done = page.Locator(".row.in .text").Filter(new() { HasText = "Вы записаны" });
        await Assertions.Expect(done).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator(".row.in .text script").CountAsync());
        Assert.Equal(1, await page.Locator(".reply-button", new() { HasText = "📅 Записаться" }).CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath() });

        await page.ClickAsync("#as-owner");
        await Assertions.Expect(page.Locator(".row.in .text").Filter(new() { HasText = "Новая запись" })).ToHaveCountAsync(1);
    }

    // The README shows this picture; refreshed whenever the test runs from a source checkout.
    private static string ScreenshotPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BookingBot.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? Path.GetTempPath();
        return Path.Combine(root, "docs", "screenshots", "demo-chat.png");
    }
}
