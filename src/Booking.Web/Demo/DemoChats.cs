using Booking.LocalBotApi;

namespace Booking.Web.Demo;

/// <summary>The two people a demo visitor can be: a client and the owner (an admin).</summary>
public sealed class DemoChats(LocalBotApiServer server)
{
    public LocalChat Client { get; } = server.Chat(DemoMode.ClientId, "Anna", null, "ru");

    public LocalChat Owner { get; } = server.Chat(DemoMode.OwnerId, "Owner", "studio_owner", "ru");

    public LocalChat? Find(string who) => who switch
    {
        "client" => Client,
        "owner" => Owner,
        _ => null,
    };
}
