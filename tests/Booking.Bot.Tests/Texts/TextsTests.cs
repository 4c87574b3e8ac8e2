using Booking.Bot.Texts;

namespace Booking.Bot.Tests.Texts;

public sealed class TextsTests
{
    [Fact]
    public void Placeholders_are_filled_by_name()
    {
        var text = Bot.Texts.Texts.Fill("{a} and {b}, {a} again", [("a", "one"), ("b", 2)]);
        Assert.Equal("one and 2, one again", text);
    }

    [Fact]
    public void Values_are_html_escaped_so_names_cannot_inject_markup()
    {
        var text = Bot.Texts.Texts.Fill("<b>{name}</b>", [("name", "<i>Eve</i> & \"co\"")]);
        Assert.Equal("<b>&lt;i&gt;Eve&lt;/i&gt; &amp; &quot;co&quot;</b>", text);
    }

    [Fact]
    public void Raw_fragments_are_inserted_as_they_are()
    {
        var text = Bot.Texts.Texts.Fill("card: {card}", [("card", new Raw("<b>x</b>"))]);
        Assert.Equal("card: <b>x</b>", text);
    }

    [Fact]
    public void Unknown_placeholders_and_stray_braces_stay_untouched()
    {
        var text = Bot.Texts.Texts.Fill("{known} {unknown} {", [("known", "k")]);
        Assert.Equal("k {unknown} {", text);
    }

    [Fact]
    public void A_missing_key_is_shown_visibly_rather_than_as_an_empty_message()
    {
        var texts = new TextProvider(TextCatalog.LoadDefault()).For("ru");
        Assert.Equal("⟨nope.nothing⟩", texts["nope.nothing"]);
    }
}

public sealed class EscapeTests
{
    [Fact]
    public void Only_the_characters_telegram_needs_are_escaped_and_emoji_stay_as_they_are() =>
        Assert.Equal("🛡 «Ёлка» &amp; &lt;b&gt; &quot;", Bot.Texts.Texts.Escape("🛡 «Ёлка» & <b> \""));
}
