using System.Net;
using System.Text.RegularExpressions;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;

namespace Booking.Web.Tests.Panel;

/// <summary>A plain HTTP client for the panel (no browser): signs in with the link from /web and keeps the cookies.</summary>
public sealed partial class PanelClient : IDisposable
{
    private readonly HttpClient _http;

    public PanelClient(BotScenario s)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = s.Host.Address,
        };
        _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
    }

    public static async Task<string> LinkAsync(FakeUser admin)
    {
        await admin.SendTextAsync("/web");
        return LinkPattern().Match(admin.LastMessage.Text).Value;
    }

    /// <summary>Opens the link and presses "Sign in": the POST's response (a redirect to /panel/ when it worked).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string link)
    {
        var page = await GetStringAsync(link);
        var form = new Dictionary<string, string> { ["token"] = new Uri(link).Query["?token=".Length..], ["_csrf"] = Csrf(page) };
        return await _http.PostAsync("/panel/login", new FormUrlEncodedContent(form));
    }

    /// <summary>A client signed in as <paramref name="admin"/> through /web and the link, as a person does it.</summary>
    public static async Task<PanelClient> SignedInAsync(BotScenario s, FakeUser admin)
    {
        var client = new PanelClient(s);
        var response = await client.SignInAsync(await LinkAsync(admin));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>Opens <paramref name="page"/> and posts a form to <paramref name="action"/> with that page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, IDictionary<string, string> fields)
    {
        var html = await GetStringAsync(page);
        return await PostAsync(action, new Dictionary<string, string>(fields) { ["_csrf"] = Csrf(html) });
    }

    /// <summary>Follows a post/redirect/get answer: the page it redirects to.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await GetStringAsync(response.Headers.Location!.OriginalString);
    }

    public async Task<string> GetStringAsync(string path) => await (await _http.GetAsync(path)).Content.ReadAsStringAsync();

    public Task<HttpResponseMessage> PostAsync(string path, IDictionary<string, string> form) => _http.PostAsync(path, new FormUrlEncodedContent(form));

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string Csrf(string html) => CsrfPattern().Match(html).Groups[1].Value;

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"https?://\S+/panel/login\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();
}
