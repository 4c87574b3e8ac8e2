using Booking.Bot.Handlers;

namespace Booking.Bot.Tests.Handlers;

/// <summary>X2: a calendar's description is plain text, while the bot's texts are Telegram HTML.</summary>
public sealed class CalendarFilePlainTextTests
{
    [Fact]
    public void Markup_is_dropped_and_escaped_values_come_back_as_typed() =>
        Assert.Equal("Стрижка & укладка · <1 ч>\nДо встречи!", CalendarFile.PlainText("<b>Стрижка &amp; укладка</b> · &lt;1 ч&gt;\n<i>До встречи!</i>"));

    [Fact]
    public void Plain_text_stays_as_it_is() =>
        Assert.Equal("Massage · 60 min", CalendarFile.PlainText("Massage · 60 min"));
}
