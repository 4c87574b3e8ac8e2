using Booking.Web;
using Microsoft.Extensions.Configuration;

namespace Booking.Web.Tests.Configuration;

/// <summary>X3: PAYMENT_PROVIDER_TOKEN, PAYMENT_CURRENCY and PAYMENT_HOLD_MINUTES, read and validated at start.</summary>
public sealed class PaymentSettingsTests
{
    private static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new("BOT_TOKEN", "123456:ABC")))
            .Build());

    [Fact]
    public void Without_a_provider_token_prepayment_is_off_and_nothing_is_held()
    {
        var payments = Read(("PAYMENT_PROVIDER_TOKEN", "  ")).Settings!.Payments;

        Assert.False(payments.Enabled);
        Assert.Null(payments.Terms);
    }

    [Fact]
    public void A_provider_token_turns_prepayment_on_in_roubles_with_a_ten_minute_hold_unless_told_otherwise()
    {
        var defaults = Read(("PAYMENT_PROVIDER_TOKEN", "381764678:TEST:100")).Settings!.Payments;
        var custom = Read(("PAYMENT_PROVIDER_TOKEN", "381764678:TEST:100"), ("PAYMENT_CURRENCY", "eur"), ("PAYMENT_HOLD_MINUTES", "15")).Settings!.Payments;

        Assert.Equal(("RUB", TimeSpan.FromMinutes(10)), (defaults.Terms!.Currency, defaults.Terms.Hold));
        Assert.Equal(("EUR", TimeSpan.FromMinutes(15)), (custom.Terms!.Currency, custom.Terms.Hold));
    }

    [Theory]
    [InlineData("PAYMENT_CURRENCY", "рубли", "PAYMENT_CURRENCY 'РУБЛИ' is not a three-letter currency code")]
    [InlineData("PAYMENT_HOLD_MINUTES", "0", "PAYMENT_HOLD_MINUTES '0' must be a whole number from 1 to 60")]
    [InlineData("PAYMENT_HOLD_MINUTES", "soon", "PAYMENT_HOLD_MINUTES 'soon' must be a whole number from 1 to 60")]
    public void A_bad_payment_setting_stops_the_start_with_one_line_naming_it(string key, string value, string expected)
    {
        var (settings, errors) = Read((key, value));

        Assert.Null(settings);
        Assert.StartsWith(expected, Assert.Single(errors), StringComparison.Ordinal);
    }
}
