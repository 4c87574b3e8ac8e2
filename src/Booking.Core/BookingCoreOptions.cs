namespace Booking.Core;

/// <summary>What the core needs from the host's configuration.</summary>
public sealed class BookingCoreOptions
{
    public const string Section = "Booking";

    /// <summary>IANA zone used until an admin sets one in the settings (TIMEZONE).</summary>
    public required string DefaultTimeZoneId { get; init; }

    /// <summary>ADMIN_IDS: the owners, always super admins.</summary>
    public IReadOnlySet<long> OwnerIds { get; init; } = new HashSet<long>();
}
