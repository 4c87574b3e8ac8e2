using System.Globalization;

namespace Booking.Bot.Payments;

/// <summary>
/// X3: the invoice payload Telegram hands back in pre_checkout_query and successful_payment — which booking the money
/// is for ("dep:42"). Like callback data it is never trusted: the booking's owner, hold and amount are checked again.
/// </summary>
public sealed record DepositPayload(int BookingId)
{
    /// <summary>Telegram allows 1–128 bytes; this stays far below, like callback data (≤ 64).</summary>
    public const int MaxLength = 64;

    private const string Prefix = "dep:";

    public string Format() => Prefix + BookingId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DepositPayload? payload)
    {
        payload = null;
        if (text is null || text.Length > MaxLength || !text.StartsWith(Prefix, StringComparison.Ordinal)
            || !int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        payload = new DepositPayload(id);
        return true;
    }
}

/// <summary>An invoice as the bot sends it: one price line, the amount in the currency's smallest units.</summary>
public sealed record Invoice(
    string Title, string Description, string Payload, string Currency, string Label, long AmountMinorUnits, string ProviderToken);
