using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;

namespace Booking.Faults;

/// <summary>The in-process world of the fast scenarios: the TestKit's scenario, by long polling or by webhook.</summary>
public static class InProcess
{
    public const string WebhookSecret = "Faults-secret_0123456789";
    private const string WebhookUrl = "https://bot.example.com/telegram/faults";

    public static async Task<BotScenario> StartAsync(bool webhook, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = Quiet(settings);
        if (webhook)
        {
            all["WEBHOOK_URL"] = WebhookUrl;
            all["WEBHOOK_SECRET"] = WebhookSecret;
        }

        var s = await BotScenario.StartAsync(settings: all);
        if (webhook)
        {
            s.Api.DeliverByWebhook(s.Host.Address, new Uri(WebhookUrl).AbsolutePath, WebhookSecret);
        }

        return s;
    }

    /// <summary>The host's console at warnings only (its appsettings say information), plus <paramref name="settings"/>.</summary>
    public static Dictionary<string, string?> Quiet(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    public static string Mode(bool webhook) => webhook ? "webhook" : "polling";

    /// <summary>/book → service → day → time: the confirm card is the last message.</summary>
    public static async Task OpenConfirmAsync(FakeUser user, string day, string time)
    {
        await user.SendTextAsync("/book");
        await user.PressAsync("Массаж");
        await user.PressAsync(day);
        await user.PressAsync(time);
    }

    public static int Count(FakeUser user, string fragment) =>
        user.Messages.Count(m => m.Text.Contains(fragment, StringComparison.Ordinal));
}
