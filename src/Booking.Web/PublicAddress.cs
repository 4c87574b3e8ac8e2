using Booking.Bot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Booking.Web;

/// <summary>PUBLIC_URL when the operator set it; otherwise the first address the host actually listens on.</summary>
public sealed class PublicAddress(StartupSettings settings, IServer server) : IPublicAddress
{
    private Uri? _listening;

    public Uri BaseUrl => settings.PublicUrl ?? (_listening ??= Listening());

    private Uri Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? BotApp.DefaultUrl;
        var url = new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }
}
