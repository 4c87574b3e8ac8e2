namespace Booking.Core.Domain;

/// <summary>
/// C11: whether a client booking for the first time without a stored phone is asked to share it (Telegram's contact
/// button) before the confirm step. Stored as a number in the settings row.
/// </summary>
public enum PhoneRequest
{
    /// <summary>Never asked; the default.</summary>
    Off = 0,

    /// <summary>Asked, with a button to go on without a phone.</summary>
    Optional = 1,

    /// <summary>Asked, and a first booking waits for the phone.</summary>
    Required = 2,
}
