using Booking.Core.Data;
using Booking.LocalBotApi;
using Booking.Web.Demo;

namespace Booking.Web.Tests.Demo;

/// <summary>The local Bot API server is the host's and the tests' business: the bot and the core never lean on it.</summary>
public sealed class DemoBoundaryTests
{
    [Fact]
    public void Only_the_host_references_the_local_bot_api_server()
    {
        static IEnumerable<string?> References(Type type) => type.Assembly.GetReferencedAssemblies().Select(a => a.Name);
        var local = typeof(LocalBotApiServer).Assembly.GetName().Name;

        Assert.DoesNotContain(local, References(typeof(BookingDb)));
        Assert.DoesNotContain(local, References(typeof(Bot.BotOptions)));
        Assert.Contains(local, References(typeof(DemoMode)));
        Assert.DoesNotContain("Booking.Web", References(typeof(LocalBotApiServer)));
        Assert.DoesNotContain("Booking.Core", References(typeof(LocalBotApiServer)));
    }
}
