using Booking.Bot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Booking.Web;

/// <summary>PUBLIC_URL when the operator set it; otherwise the first address the host actually listens on.</summary>
public sealed class PublicAddress(StartupSettings settings, IServer server) : IPublicAddress
{
    private Uri? _listening;

    public Uri BaseUrl => settings.PublicUrl ?? (_listening ??= Listening());

    private Uri Listening() =>
        ListeningAddress.FirstOnLoopback(server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? BotApp.DefaultUrl)
        ?? new Uri(BotApp.DefaultUrl + "/");
}
