using Booking.Bot.Rendering;
using Booking.Bot.Texts;

namespace Booking.Bot.Tests.Rendering;

public sealed class FormatsTests
{
    private static readonly TextProvider Texts = new(TextCatalog.LoadDefault());
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    [Fact]
    public void Dates_read_naturally_in_russian_and_english()
    {
        var date = new DateOnly(2026, 12, 4);
        Assert.Equal("4 декабря (пт)", new Formats(Texts.For("ru"), Moscow).Date(date));
        Assert.Equal("Fri, December 4", new Formats(Texts.For("en"), Moscow).Date(date));
    }

    [Fact]
    public void Times_are_shown_in_the_business_zone()
    {
        var utc = new DateTime(2026, 12, 4, 7, 30, 0, DateTimeKind.Utc);
        Assert.Equal("10:30", new Formats(Texts.For("ru"), Moscow).Time(utc));
    }

    [Theory]
    [InlineData(2500, "RUB", "2\u202F500 ₽")]
    [InlineData(990.5, "RUB", "990.50 ₽")]
    [InlineData(40, "EUR", "40 €")]
    [InlineData(15, "USD", "$15")]
    [InlineData(0, "RUB", "бесплатно")]
    public void Prices_carry_their_currency(decimal price, string currency, string expected) =>
        Assert.Equal(expected, new Formats(Texts.For("ru"), Moscow).Price(price, currency));

    [Theory]
    [InlineData("ru", 4.75, "4,8")]
    [InlineData("ru", 5, "5,0")]
    [InlineData("en", 4.74, "4.7")]
    public void An_average_rating_has_one_decimal_with_the_languages_separator(string language, double rating, string expected) =>
        Assert.Equal(expected, new Formats(Texts.For(language), Moscow).Rating(rating));

    [Theory]
    [InlineData(0, "сегодня")]
    [InlineData(1, "завтра")]
    [InlineData(5, "через 5 дн.")]
    public void Relative_days_count_calendar_days_in_the_business_zone(int days, string expected)
    {
        var today = new DateOnly(2026, 12, 1);
        // 23:30 Moscow on the target day is still that day locally although it is 20:30 UTC.
        var utc = new DateTime(2026, 12, 1 + days, 20, 30, 0, DateTimeKind.Utc);
        Assert.Equal(expected, new Formats(Texts.For("ru"), Moscow).Relative(utc, today));
    }
}
