namespace Booking.Web.Browser.Tests;

/// <summary>
/// A test that needs Debian's Chromium. Locally, without /usr/bin/chromium, it is skipped with the reason; with CI set
/// (as the CI script does) it runs and fails, so a missing browser can never pass silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"{Chromium.ExecutablePath} is missing (install it with: apt-get install -y chromium); set CI=1 to fail instead.";
        }
    }
}
