using System.Text;
using Booking.Bot.Callbacks;
using Booking.Bot.Payments;
using Booking.Core.Domain;

namespace Booking.Bot.Tests.Payments;

/// <summary>X3: the invoice payload names the booking paid for and nothing else; amounts go out in the smallest units.</summary>
public sealed class DepositPayloadTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(int.MaxValue)]
    public void A_payload_survives_a_round_trip_and_fits_in_64_bytes(int bookingId)
    {
        var payload = new DepositPayload(bookingId);

        Assert.True(DepositPayload.TryParse(payload.Format(), out var parsed));
        Assert.Equal(payload, parsed);
        Assert.InRange(Encoding.UTF8.GetByteCount(payload.Format()), 1, 64);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dep:")]
    [InlineData("dep:0")]
    [InlineData("dep:-3")]
    [InlineData("dep:+3")]
    [InlineData("dep: 3")]
    [InlineData("dep:3:4")]
    [InlineData("dep:99999999999")]
    [InlineData("svc:3")]
    [InlineData("DEP:3")]
    public void Malformed_or_foreign_payloads_are_rejected(string? text)
    {
        Assert.False(DepositPayload.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void A_payload_is_not_callback_data_so_it_cannot_be_pressed_as_a_button() =>
        Assert.False(Callback.TryParse(new DepositPayload(5).Format(), out _));

    [Theory]
    [InlineData(500, "RUB", 50_000)]
    [InlineData(1990.5, "RUB", 199_050)]
    [InlineData(12.34, "USD", 1_234)]
    [InlineData(1500, "JPY", 1_500)]
    public void Amounts_go_to_Telegram_in_the_currencys_smallest_units_and_back(decimal amount, string currency, long minor)
    {
        Assert.Equal(minor, MinorUnits.From(amount, currency));
        Assert.Equal(amount, MinorUnits.ToAmount(minor, currency));
    }
}
