using System.Globalization;
using Booking.Core.Domain;

namespace Booking.Bot.Callbacks;

// A7 broadcasts: compose, choose the audience, preview, confirm. Every button needs Permission.Broadcast.
internal static class BroadcastButtons
{
    internal static AdminCallback? Parse(string[] parts) => parts switch
    {
        ["a", "bc"] => new StartBroadcast(),
        ["a", "bca", "a"] => new PickBroadcastAudience(Audience.All),
        ["a", "bca", "f"] => new PickBroadcastAudience(Audience.WithFutureBookings),
        ["a", "bca", "i", var d] when Days(d) is { } days => new PickBroadcastAudience(Audience.InactiveFor(days)),
        ["a", "bcb"] => new ChangeBroadcastAudience(),
        ["a", "bcy"] => new ConfirmBroadcast(),
        ["a", "bcx"] => new CancelBroadcast(),
        _ => null,
    };

    private static int? Days(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && Audience.InactiveChoices.Contains(v) ? v : null;
}

/// <summary>Opens the composer: the admin's next typed message is the broadcast's text.</summary>
public sealed record StartBroadcast : AdminCallback
{
    public override Permission Required => Permission.Broadcast;

    public override string Format() => "a:bc";
}

public sealed record PickBroadcastAudience(Audience Audience) : AdminCallback
{
    public override Permission Required => Permission.Broadcast;

    public override string Format() => Audience.Kind switch
    {
        AudienceKind.WithFutureBookings => "a:bca:f",
        AudienceKind.Inactive => FormattableString.Invariant($"a:bca:i:{Audience.InactiveDays}"),
        _ => "a:bca:a",
    };
}

public sealed record ChangeBroadcastAudience : AdminCallback
{
    public override Permission Required => Permission.Broadcast;

    public override string Format() => "a:bcb";
}

/// <summary>Queues the drafted broadcast; a repeated tap finds no draft and queues nothing.</summary>
public sealed record ConfirmBroadcast : AdminCallback
{
    public override Permission Required => Permission.Broadcast;

    public override string Format() => "a:bcy";
}

public sealed record CancelBroadcast : AdminCallback
{
    public override Permission Required => Permission.Broadcast;

    public override string Format() => "a:bcx";
}
