using System.Text.RegularExpressions;
using Booking.Bot.Texts;

namespace Booking.Bot.Tests.Texts;

public sealed partial class TextCatalogTests
{
    private static readonly TextCatalog Catalog = TextCatalog.LoadDefault();

    /// <summary>The top-level groups of the catalog: a quoted "group.key" in the source is a text lookup.</summary>
    private static readonly HashSet<string> Groups =
        Catalog.KeysOf("ru").Keys.Select(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Russian_and_English_define_exactly_the_same_keys()
    {
        var ru = Catalog.KeysOf("ru").Keys.Order().ToList();
        var en = Catalog.KeysOf("en").Keys.Order().ToList();
        Assert.Equal(ru, en);
        Assert.True(ru.Count > 50, $"only {ru.Count} texts loaded");
    }

    [Fact]
    public void Each_text_uses_the_same_placeholders_in_both_languages()
    {
        var ru = Catalog.KeysOf("ru");
        var en = Catalog.KeysOf("en");
        var mismatched = ru.Keys
            .Where(key => !Placeholders(ru[key]).SetEquals(Placeholders(en[key])))
            .ToList();
        Assert.Empty(mismatched);
    }

    [Fact]
    public void Nested_keys_are_flattened_with_dots()
    {
        Assert.Equal("📅 Записаться", Catalog.Find("ru", "menu.book"));
        Assert.Equal("📅 Book", Catalog.Find("en", "menu.book"));
    }

    [Fact]
    public void A_text_missing_in_a_language_falls_back_to_russian_and_an_unknown_key_is_null()
    {
        Assert.Equal(Catalog.Find("ru", "menu.my"), Catalog.Find("de", "menu.my"));
        Assert.Null(Catalog.Find("ru", "no.such.key"));
    }

    [Fact]
    public void Every_key_the_bot_and_the_web_panel_use_exists()
    {
        var sources = new[] { "src/Booking.Bot", "src/Booking.Web" }.Select(p => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../" + p)));
        var used = sources.SelectMany(source => Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => Groups.Contains(k[..k.IndexOf('.', StringComparison.Ordinal)]) && !k.EndsWith('_') && !k.EndsWith('.')) // prefixes completed in code are not keys
            .Distinct()
            .ToList();
        Assert.NotEmpty(used);
        var missing = used.Where(k => Catalog.Find("ru", k) is null).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Parsing_rejects_a_list_where_a_text_belongs()
    {
        using var reader = new StringReader("menu:\n  book:\n    - a\n    - b\n");
        Assert.Throws<InvalidDataException>(() => TextCatalog.Parse(reader));
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"""([a-z_]+\.[a-z_.]+)""")]
    private static partial Regex KeyUse();
}
