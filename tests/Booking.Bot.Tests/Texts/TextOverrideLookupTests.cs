using Booking.Bot.Texts;
using Booking.Core.Features.Texts;

namespace Booking.Bot.Tests.Texts;

public sealed class TextOverrideLookupTests : IDisposable
{
    private static readonly TextCatalog Catalog = TextCatalog.LoadDefault();
    private readonly TextOverrideCache _cache = new();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void An_override_wins_in_its_language_and_the_other_language_keeps_its_default()
    {
        _cache.Publish([("ru", "booking.closed", "Хорошо, до встречи!")]);
        var provider = new TextProvider(Catalog, _cache);

        Assert.Equal("Хорошо, до встречи!", provider.For("ru")["booking.closed"]);
        Assert.Equal(Catalog.Default("en", "booking.closed"), provider.For("en")["booking.closed"]);
        Assert.Equal(Catalog.Default("ru", "booking.closed"), provider.For("ru").Default("booking.closed"));
    }

    [Fact]
    public void A_language_without_the_text_falls_back_to_the_russian_override_then_the_russian_default()
    {
        _cache.Publish([("ru", "menu.book", "📅 Запись")]);
        var german = new TextProvider(Catalog, _cache).For("de");

        Assert.Equal("📅 Запись", german["menu.book"]);
        Assert.Equal(Catalog.Default("ru", "menu.my"), german["menu.my"]);
    }

    [Fact]
    public void A_texts_object_sees_a_change_published_after_it_was_handed_out()
    {
        var texts = new TextProvider(Catalog, _cache).For("en");
        var before = texts["menu.about"];

        _cache.Publish([("en", "menu.about", "ℹ️ About us")]);

        Assert.Equal("ℹ️ About us", texts["menu.about"]);
        Assert.NotEqual(before, texts["menu.about"]);
    }

    [Fact]
    public void Every_shipped_text_passes_the_check_an_override_of_it_must_pass()
    {
        var failing = Core.Domain.Languages.All
            .SelectMany(l => Catalog.Keys.Select(k => (l, k, Text: Catalog.Default(l, k)!)))
            .Where(x => !TextTemplate.Validate(x.Text, x.Text).IsValid)
            .Select(x => $"{x.l}:{x.k}")
            .ToList();

        Assert.Empty(failing);
    }
}
