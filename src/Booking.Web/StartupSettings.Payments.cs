using Booking.Bot.Payments;
using Booking.Core.Domain;
using Microsoft.Extensions.Configuration;

namespace Booking.Web;

/// <summary>X3: the payment provider's token and currency; prepayment is off without a token.</summary>
public sealed partial record StartupSettings
{
    public PaymentOptions Payments { get; init; } = new();

    private static PaymentOptions ReadPayments(IConfiguration config, List<string> errors)
    {
        var token = config["PAYMENT_PROVIDER_TOKEN"]?.Trim();
        var currency = config["PAYMENT_CURRENCY"]?.Trim().ToUpperInvariant() is { Length: > 0 } c ? c : PaymentOptions.DefaultCurrency;
        if (!Service.IsValidCurrency(currency))
        {
            errors.Add($"PAYMENT_CURRENCY '{currency}' is not a three-letter currency code such as RUB.");
        }

        return new PaymentOptions
        {
            ProviderToken = string.IsNullOrEmpty(token) ? null : token,
            Currency = currency,
            Hold = TimeSpan.FromMinutes(WholeNumber(config, "PAYMENT_HOLD_MINUTES", (int)PaymentOptions.DefaultHold.TotalMinutes, 1, 60, errors)),
        };
    }
}
