namespace Booking.Bot.Hosting;

/// <summary>
/// Where people reach this host from outside (PUBLIC_URL): the base of links the bot hands out, such as the web
/// panel's one-time login link and an admin's calendar feed. The host knows it; the bot only asks.
/// </summary>
public interface IPublicAddress
{
    /// <summary>The base address, always ending in '/', so relative paths can be appended with <see cref="Link"/>.</summary>
    Uri BaseUrl { get; }

    /// <summary>An absolute link to a path on this host, e.g. <c>Link("panel/login?t=…")</c>.</summary>
    Uri Link(string relativePath) => new(BaseUrl, relativePath.TrimStart('/'));
}
