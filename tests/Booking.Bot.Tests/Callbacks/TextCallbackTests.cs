using System.Text;
using Booking.Bot.Callbacks;
using Booking.Bot.Texts;

namespace Booking.Bot.Tests.Callbacks;

public sealed class TextCallbackTests
{
    private static readonly TextCatalog Catalog = TextCatalog.LoadDefault();

    /// <summary>The longest key of the catalog, so the widest button is tried.</summary>
    private static readonly string LongestId = TextKeyId.Of(Catalog.Keys.MaxBy(k => k.Length)!);

    public static TheoryData<Callback> Every() =>
    [
        new TextCategories(),
        new TextCategoryPage("cancel_booking", 0),
        new TextCategoryPage(new string('z', 32), 999),
        new ViewText(LongestId),
        new EditText(LongestId, "ru"),
        new EditText(LongestId, "en"),
        new SaveText(LongestId, "en"),
        new AskResetText(LongestId, "ru"),
        new ResetText(LongestId, "en"),
    ];

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_texts_button_survives_a_round_trip_and_fits_in_64_bytes(Callback callback)
    {
        Assert.True(Callback.TryParse(callback.Format(), out var parsed));
        Assert.Equal(callback, parsed);
        Assert.InRange(Encoding.UTF8.GetByteCount(callback.Format()), 1, 64);
    }

    [Theory]
    [InlineData("a:txk:booking.confirmed")]
    [InlineData("a:txk:1234567")]
    [InlineData("a:txk:1234567G")]
    [InlineData("a:txk:ABCDEF12")]
    [InlineData("a:txe:abcdef12:de")]
    [InlineData("a:txe:abcdef12")]
    [InlineData("a:txc:Booking:0")]
    [InlineData("a:txc:booking:-1")]
    [InlineData("a:txc:booking:1000")]
    [InlineData("a:txry:abcdef12:ru:x")]
    public void Malformed_texts_buttons_are_rejected(string data) =>
        Assert.False(Callback.TryParse(data, out _));

    [Fact]
    public void Every_key_has_its_own_id_and_is_found_again_from_it()
    {
        var index = new TextKeyIndex(Catalog);

        Assert.All(Catalog.Keys, k => Assert.Equal(k, index.Resolve(TextKeyId.Of(k))));
        Assert.Equal(Catalog.Keys.Count, Catalog.Keys.Select(TextKeyId.Of).Distinct().Count());
        Assert.Null(index.Resolve("00000000"));
    }
}
