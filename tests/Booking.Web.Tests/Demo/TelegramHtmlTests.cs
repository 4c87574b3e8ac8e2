using Booking.Web.Demo;

namespace Booking.Web.Tests.Demo;

/// <summary>The web chat shows Telegram's HTML subset and nothing else a message could smuggle in.</summary>
public sealed class TelegramHtmlTests
{
    [Theory]
    [InlineData("<b>Шаг 1</b> из <i>4</i>", "<b>Шаг 1</b> из <i>4</i>")]
    [InlineData("<strong>a</strong><em>b</em><ins>c</ins><del>d</del>", "<b>a</b><i>b</i><u>c</u><s>d</s>")]
    [InlineData("<code>/admin</code> and <pre>x &lt; y</pre>", "<code>/admin</code> and <pre>x &lt; y</pre>")]
    [InlineData("1 &lt; 2 &amp;&amp; 3 &gt; 2", "1 &lt; 2 &amp;&amp; 3 &gt; 2")]
    [InlineData("<tg-spoiler>secret</tg-spoiler>", "<span class=\"spoiler\">secret</span>")]
    [InlineData("<b>never closed", "<b>never closed</b>")]
    public void Telegram_tags_are_kept(string text, string html) => Assert.Equal(html, TelegramHtml.ToSafeHtml(text, "HTML"));

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("<b onclick=\"alert(1)\">hi</b>", "<b>hi</b>")]
    [InlineData("&lt;script&gt;", "&lt;script&gt;")]
    [InlineData("</b>stray", "stray")]
    public void Anything_else_arrives_as_text_or_not_at_all(string text, string html) =>
        Assert.Equal(html, TelegramHtml.ToSafeHtml(text, "HTML"));

    [Fact]
    public void Links_keep_only_web_and_telegram_addresses()
    {
        Assert.Equal(
            "<a href=\"https://example.org/?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer\">map</a>",
            TelegramHtml.ToSafeHtml("<a href=\"https://example.org/?a=1&amp;b=2\">map</a>", "HTML"));
        Assert.Equal("<a>click</a>", TelegramHtml.ToSafeHtml("<a href=\"javascript:alert(1)\">click</a>", "HTML"));
        Assert.Equal("<a>x</a>", TelegramHtml.ToSafeHtml("<a href='data:text/html,hi'>x</a>", "HTML"));
    }

    [Fact]
    public void Without_a_parse_mode_every_character_is_shown_as_typed()
    {
        Assert.Equal("&lt;b&gt;not bold&lt;/b&gt; &amp;amp;", TelegramHtml.ToSafeHtml("<b>not bold</b> &amp;", null));
    }
}
