using Booking.Core.Domain;
using Booking.Core.Features.Services;

namespace Booking.Core.Tests.Features.Services;

public sealed class ServiceInputTests
{
    [Theory]
    [InlineData("2500", 2500, "RUB")]
    [InlineData("2 500,50", 2500.5, "RUB")]
    [InlineData("1500 ₽", 1500, "RUB")]
    [InlineData("0", 0, "RUB")]
    [InlineData("30 usd", 30, "USD")]
    [InlineData("$30.5", 30.5, "USD")]
    [InlineData("45 €", 45, "EUR")]
    public void Reads_a_price_with_rubles_unless_another_currency_is_named(string text, double price, string currency)
    {
        Assert.True(ServiceInput.TryPrice(text, out var parsed, out var code));
        Assert.Equal((decimal)price, parsed);
        Assert.Equal(currency, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("бесплатно")]
    [InlineData("10.555")]
    [InlineData("1e3")]
    [InlineData("999999999999")]
    public void Refuses_a_price_that_is_not_a_sum_of_money(string text) =>
        Assert.False(ServiceInput.TryPrice(text, out _, out _));

    [Theory]
    [InlineData("15", true)]
    [InlineData("480", true)]
    [InlineData("14", false)]
    [InlineData("481", false)]
    [InlineData("1,5", false)]
    [InlineData("час", false)]
    public void Accepts_durations_from_15_to_480_minutes_only(string text, bool valid) =>
        Assert.Equal(valid, ServiceInput.TryDuration(text, out _));

    [Fact]
    public void A_name_must_have_1_to_128_characters_after_trimming()
    {
        Assert.True(ServiceInput.TryName("  Стрижка  ", out var name));
        Assert.Equal("Стрижка", name);
        Assert.False(ServiceInput.TryName("   ", out _));
        Assert.True(ServiceInput.TryName(new string('a', 128), out _));
        Assert.False(ServiceInput.TryName(new string('a', 129), out _));
    }

    [Fact]
    public void A_dash_skips_the_description_and_a_long_one_is_refused()
    {
        Assert.True(ServiceInput.TryDescription("-", out var none));
        Assert.Null(none);
        Assert.True(ServiceInput.TryDescription(" Мягко и глубоко ", out var text));
        Assert.Equal("Мягко и глубоко", text);
        Assert.False(ServiceInput.TryDescription(new string('x', 1025), out _));
    }

    [Fact]
    public void The_entity_refuses_what_the_input_rules_refuse()
    {
        var service = new Service("Массаж", null, 60, 100m, "RUB", 1);

        Assert.Throws<ArgumentException>(() => service.Rename(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => service.ChangeDuration(500));
        Assert.Throws<ArgumentOutOfRangeException>(() => service.ChangePrice(-1m, "RUB"));
        Assert.Throws<ArgumentException>(() => service.ChangePrice(1m, "rubles"));
        Assert.Throws<ArgumentOutOfRangeException>(() => service.UseSlotInterval(45));
        Assert.Equal(("Массаж", 60, 100m, (int?)null), (service.Name, service.DurationMinutes, service.Price, service.SlotIntervalMinutes));
    }
}
