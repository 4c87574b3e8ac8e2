using System.Globalization;
using Booking.Core.Domain;

namespace Booking.Core.Features.Services;

/// <summary>
/// A4: reads what an admin types for a service field and says whether it is acceptable, by the same rules
/// the <see cref="Service"/> entity enforces. Nothing here is saved.
/// </summary>
public static class ServiceInput
{
    /// <summary>What an admin types to leave an optional field empty.</summary>
    public const string Skip = "-";

    public const string DefaultCurrency = "RUB";

    public static bool TryName(string text, out string name)
    {
        name = text.Trim();
        return Service.IsValidName(name);
    }

    /// <summary>"-" (or a dash of any kind) means no description.</summary>
    public static bool TryDescription(string text, out string? description)
    {
        var trimmed = text.Trim();
        description = trimmed is Skip or "—" or "–" ? null : trimmed;
        return description is null || (description.Length > 0 && Service.IsValidDescription(description));
    }

    public static bool TryDuration(string text, out int minutes) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out minutes) && Service.IsValidDuration(minutes);

    /// <summary>"2500", "2 500,50", "1500 ₽", "30 USD", "$30": RUB unless another currency is named.</summary>
    public static bool TryPrice(string text, out decimal price, out string currency)
    {
        price = 0;
        var rest = text.Trim();
        currency = DefaultCurrency;
        foreach (var (symbol, code) in Symbols)
        {
            if (rest.StartsWith(symbol, StringComparison.OrdinalIgnoreCase) || rest.EndsWith(symbol, StringComparison.OrdinalIgnoreCase))
            {
                currency = code;
                rest = (rest.StartsWith(symbol, StringComparison.OrdinalIgnoreCase) ? rest[symbol.Length..] : rest[..^symbol.Length]).Trim();
                break;
            }
        }

        if (rest.Length > 3 && rest[^4] == ' ' && rest[^3..].All(char.IsAsciiLetter))
        {
            currency = rest[^3..].ToUpperInvariant();
            rest = rest[..^4];
        }

        var number = rest.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price)
            && Service.IsValidPrice(price) && Service.IsValidCurrency(currency);
    }

    /// <summary>X3: a deposit amount in the service's currency ("500", "500,50", "500 ₽"); "-" or "0" takes none.</summary>
    public static bool TryDeposit(string text, out decimal? deposit)
    {
        deposit = null;
        var trimmed = text.Trim();
        if (trimmed is Skip or "—" or "–" or "0")
        {
            return true;
        }

        if (!TryPrice(trimmed, out var amount, out _) || amount <= 0)
        {
            return false;
        }

        deposit = amount;
        return true;
    }

    private static readonly (string Symbol, string Code)[] Symbols =
        [("₽", "RUB"), ("руб.", "RUB"), ("руб", "RUB"), ("р.", "RUB"), ("$", "USD"), ("€", "EUR")];
}
