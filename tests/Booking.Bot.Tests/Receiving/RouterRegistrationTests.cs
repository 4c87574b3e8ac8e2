using Booking.Bot.Receiving;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Bot.Tests.Receiving;

public sealed class RouterRegistrationTests
{
    private static readonly BotOptions Options = new() { Token = "1:x", AdminIds = new HashSet<long>(), ApiUrl = new Uri("http://127.0.0.1:1") };

    [Fact]
    public void The_pipeline_routes_through_the_bots_own_router_unless_told_otherwise()
    {
        var services = new ServiceCollection().AddBookingBot(Options);

        var registration = Assert.Single(services, d => d.ServiceType == typeof(IUpdateRouter));
        Assert.Equal(ServiceLifetime.Scoped, registration.Lifetime);
        Assert.NotNull(registration.ImplementationFactory);
    }

    [Fact]
    public void A_router_registered_before_the_bot_replaces_the_default_one()
    {
        var services = new ServiceCollection();
        services.AddScoped<IUpdateRouter, SilentRouter>();
        services.AddBookingBot(Options);

        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        Assert.IsType<SilentRouter>(scope.ServiceProvider.GetRequiredService<IUpdateRouter>());
    }

    private sealed class SilentRouter : IUpdateRouter
    {
        public Task RouteAsync(UpdateContext ctx, CancellationToken ct) => Task.CompletedTask;
    }
}
