using Booking.Bot.Receiving;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(Booking.Bench.Floor.FloorStartup))]

namespace Booking.Bench.Floor;

/// <summary>
/// Puts the echo router into an unmodified host started as its own process, for the floor of <c>--bot-process</c>
/// runs. The harness starts the host with this assembly as a startup hook (<see cref="Variables"/>), and ASP.NET Core
/// runs hosting startups while the builder is made, before the bot registers its services: the bot's router
/// registration (TryAdd) then steps aside, exactly as it does for the in-process floor.
/// </summary>
public sealed class FloorStartup : IHostingStartup
{
    /// <summary>The environment that makes a host started from <c>BookingBot.dll</c> a floor.</summary>
    public static IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["DOTNET_STARTUP_HOOKS"] = typeof(FloorStartup).Assembly.Location,
        ["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = typeof(FloorStartup).Assembly.GetName().Name!,
    };

    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddScoped<IUpdateRouter, EchoRouter>());
}
