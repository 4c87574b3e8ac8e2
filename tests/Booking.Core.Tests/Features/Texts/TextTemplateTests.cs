using Booking.Core.Features.Texts;

namespace Booking.Core.Tests.Features.Texts;

public sealed class TextTemplateTests
{
    private const string Confirmed = "✅ <b>Вы записаны!</b>\n\n💆 {service}\n📅 {date}\n🕐 {time} ({duration})";

    [Fact]
    public void A_rewording_with_the_same_placeholders_and_balanced_tags_is_accepted()
    {
        var check = TextTemplate.Validate("🎉 <b>Ждём <i>вас</i></b> {date} в {time}: {service}, {duration}. {service}!", Confirmed);

        Assert.True(check.IsValid);
    }

    [Fact]
    public void A_missing_placeholder_is_refused_and_named()
    {
        var check = TextTemplate.Validate("<b>Вы записаны</b> на {date} в {time}", Confirmed);

        Assert.False(check.IsValid);
        Assert.Equal(["duration", "service"], check.Missing);
        Assert.Empty(check.Unknown);
    }

    [Fact]
    public void An_unknown_or_misspelt_placeholder_is_refused_and_named()
    {
        var check = TextTemplate.Validate("{service} {date} {time} {duration} {Service} {price}", Confirmed);

        Assert.False(check.IsValid);
        Assert.Equal(["Service", "price"], check.Unknown);
        Assert.Empty(check.Missing);
    }

    [Theory]
    [InlineData("<b>{name}", "<b>")]
    [InlineData("{name}</b>", "</b>")]
    [InlineData("<b><i>{name}</b></i>", "</b>")]
    [InlineData("<code>{name}</code></code>", "</code>")]
    [InlineData("<b>{name}<", "<")]
    public void Unbalanced_or_crossed_tags_are_refused(string text, string problem)
    {
        var check = TextTemplate.Validate(text, "<b>{name}</b>");

        Assert.False(check.IsValid);
        Assert.Equal(problem, check.Markup);
    }

    [Theory]
    [InlineData("<u>{name}</u>", "<u>")]
    [InlineData("<a href=\"https://x.example\">{name}</a>", "<a href=\"https://x.e…")]
    [InlineData("<b class=\"x\">{name}</b>", "<b class=\"x\">")]
    [InlineData("<pre>{name}</pre>", "<pre>")]
    [InlineData("1 > 0 {name}", ">")]
    [InlineData("Tom & Jerry {name}", "&")]
    public void Tags_the_bot_does_not_use_and_bare_special_characters_are_refused(string text, string problem)
    {
        var check = TextTemplate.Validate(text, "<b>{name}</b>");

        Assert.False(check.IsValid);
        Assert.Equal(problem, check.Markup);
    }

    [Fact]
    public void Escaped_special_characters_and_every_tag_the_bot_uses_are_accepted() =>
        Assert.True(TextTemplate.Validate("<s>a</s> <code>1 &lt; 2 &amp;&amp; 3 &gt; 2</code> <i>&quot;{name}&quot;</i> <b>!</b>", "<b>{name}</b>").IsValid);

    [Fact]
    public void A_text_whose_default_is_plain_stays_plain()
    {
        var check = TextTemplate.Validate("<b>📅 Записаться</b>", "📅 Записаться");

        Assert.Equal("<", check.Markup);
        Assert.True(TextTemplate.Validate("📅 Записаться сейчас", "📅 Записаться").IsValid);
    }

    [Fact]
    public void A_list_text_keeps_its_number_of_items()
    {
        const string weekdays = "пн,вт,ср,чт,пт,сб,вс";

        Assert.Equal(7, TextTemplate.Validate("Пн,Вт,Ср,Чт,Пт,Сб", weekdays).ListItems);
        Assert.True(TextTemplate.Validate("Пн,Вт,Ср,Чт,Пт,Сб,Вс", weekdays).IsValid);
    }

    [Fact]
    public void An_empty_or_overlong_text_is_refused()
    {
        Assert.True(TextTemplate.Validate("   ", "Привет").Empty);
        Assert.True(TextTemplate.Validate(new string('a', Domain.TextOverride.MaxLength + 1), "Привет").TooLong);
        Assert.False(TextTemplate.Validate("   ", "Привет").IsValid);
    }

    [Fact]
    public void The_visible_text_has_no_tags_and_decoded_entities() =>
        Assert.Equal("Вы записаны! 1 < 2 & \"3\"", TextTemplate.Visible("<b>Вы записаны!</b> 1 &lt; 2 &amp; &quot;3&quot;"));
}
