using Booking.Bot.Handlers.Admin;

namespace Booking.Bot.Tests.Handlers.Admin;

public sealed class LocalInputTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData("24.12", 2026, 12, 24)]
    [InlineData("1.12", 2026, 12, 1)]
    [InlineData("08.01", 2027, 1, 8)]
    [InlineData("24.12.2027", 2027, 12, 24)]
    [InlineData("2027-02-03", 2027, 2, 3)]
    public void A_date_without_a_year_is_the_next_such_date(string text, int year, int month, int day)
    {
        Assert.True(LocalInput.TryDate(text, Today, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("31.02")]
    [InlineData("завтра")]
    [InlineData("24/12")]
    public void Nonsense_dates_are_refused(string text) => Assert.False(LocalInput.TryDate(text, Today, out _));

    [Fact]
    public void Reads_a_date_and_a_start_time()
    {
        Assert.True(LocalInput.TryDateTime("24.12 9:30", Today, out var date, out var time));
        Assert.Equal((new DateOnly(2026, 12, 24), new TimeOnly(9, 30)), (date, time));
        Assert.False(LocalInput.TryDateTime("24.12 25:00", Today, out _, out _));
        Assert.False(LocalInput.TryDateTime("24.12", Today, out _, out _));
    }

    [Theory]
    [InlineData("24.12 - 08.01")]
    [InlineData("24.12–08.01")]
    [InlineData("24.12 08.01")]
    [InlineData("2026-12-24 - 2027-01-08")]
    public void A_range_may_run_into_the_next_year(string text)
    {
        Assert.True(LocalInput.TryRange(text, Today, out var from, out var to));
        Assert.Equal((new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 8)), (from, to));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused() =>
        Assert.False(LocalInput.TryRange("24.12.2026 - 20.12.2026", Today, out _, out _));
}
