using System.Text;
using Booking.Bot.Callbacks;
using Booking.Core.Features.Editor;

namespace Booking.Bot.Tests.Callbacks;

public sealed class EditorCallbackTests
{
    /// <summary>The widest record id a button may carry: a Telegram user id at the top of long.</summary>
    private const long WidestId = long.MaxValue;

    public static TheoryData<Callback> Every()
    {
        var data = new TheoryData<Callback> { new OpenFieldEditor(), new EditorRecords(EditorEntity.Client, 9999) };
        foreach (var entity in EditorEntity.All)
        {
            data.Add(new EditorRecords(entity, 0));
            data.Add(new EditorRecord(entity, WidestId));
        }

        foreach (var field in EditableFields.All)
        {
            data.Add(new EditorField(field.Entity, WidestId, field.Code));
            data.Add(new EditorSave(field.Entity, 0, field.Code));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_editor_button_survives_a_round_trip_and_fits_in_64_bytes(Callback callback)
    {
        Assert.True(Callback.TryParse(callback.Format(), out var parsed));
        Assert.Equal(callback, parsed);
        Assert.InRange(Encoding.UTF8.GetByteCount(callback.Format()), 1, 64);
    }

    [Theory]
    [InlineData("a:fef:s:1:zz")]
    [InlineData("a:fey:s:1:order")]
    [InlineData("a:fef:c:5:r")]
    [InlineData("a:fey:g:0:11")]
    [InlineData("a:fef:x:1:n")]
    [InlineData("a:fel:s:-1")]
    [InlineData("a:fer:s:1x")]
    [InlineData("a:fey:s:1")]
    public void A_field_or_entity_off_the_whitelist_does_not_parse(string data) =>
        Assert.False(Callback.TryParse(data, out _));

    [Fact]
    public void Every_editor_button_needs_the_edit_fields_permission() =>
        Assert.All(((IEnumerable<object[]>)Every()).Select(row => (AdminCallback)row[0]), c => Assert.Equal(Core.Domain.Permission.EditFields, c.Required));
}
