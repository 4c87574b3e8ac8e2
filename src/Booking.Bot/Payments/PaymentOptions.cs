namespace Booking.Bot.Payments;

/// <summary>
/// X3: prepayment through Telegram Payments. Without a provider token (PAYMENT_PROVIDER_TOKEN, from @BotFather →
/// Payments) the feature is off and services with a deposit are booked as any other.
/// </summary>
public sealed class PaymentOptions
{
    public const string DefaultCurrency = "RUB";

    /// <summary>How long a booking waits for its deposit before its slot is given back.</summary>
    public static readonly TimeSpan DefaultHold = TimeSpan.FromMinutes(10);

    public string? ProviderToken { get; init; }

    /// <summary>PAYMENT_CURRENCY: the currency the provider takes; only services priced in it ask for a deposit.</summary>
    public string Currency { get; init; } = DefaultCurrency;

    public TimeSpan Hold { get; init; } = DefaultHold;

    public bool Enabled => !string.IsNullOrEmpty(ProviderToken);

    /// <summary>What a booking is held under, or null when payments are off.</summary>
    public Core.Features.Bookings.BookSlot.PrepaymentTerms? Terms => Enabled ? new(Currency, Hold) : null;
}
