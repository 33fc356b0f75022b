using CoachFlow.Domain.Engagements;

namespace CoachFlow.Tests.Engagements;

public sealed class EngagementIdTests
{
    private static readonly byte[] SixteenBytes = [0x00, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32];

    [Fact]
    public void Sixteen_random_bytes_become_32_lowercase_hex_digits_that_parse_back_to_the_same_id()
    {
        var id = EngagementId.FromRandomBytes(SixteenBytes);

        Assert.Equal("000123456789abcdeffedcba98765432", id.Value);
        Assert.True(EngagementId.TryParse(id.Value, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(0)]
    public void An_id_needs_exactly_sixteen_random_bytes(int count)
    {
        Assert.Throws<ArgumentException>(() => EngagementId.FromRandomBytes(new byte[count]));
    }

    [Theory]
    [InlineData("000123456789abcdeffedcba9876543")]
    [InlineData("000123456789abcdeffedcba987654321")]
    [InlineData("")]
    public void A_hex_string_one_digit_short_or_long_is_not_an_id(string text)
    {
        Assert.False(EngagementId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Theory]
    [InlineData("000123456789ABCDEFFEDCBA98765432")]
    [InlineData("000123456789abcdeffedcba9876543g")]
    [InlineData("000123456789abcdeffedcba9876543-")]
    [InlineData("000123456789abcdeffedcba9876543 ")]
    public void Uppercase_or_non_hex_characters_are_not_an_id(string text)
    {
        Assert.False(EngagementId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void No_text_is_not_an_id()
    {
        Assert.False(EngagementId.TryParse(null, out _));
    }

    /// <summary>Ids go into log templates, table keys and URLs as text: the id's own digits, and never null for an unset one.</summary>
    [Fact]
    public void An_id_reads_as_its_hex_digits_and_an_unset_one_as_empty_text()
    {
        Assert.Equal("000123456789abcdeffedcba98765432", EngagementId.FromRandomBytes(SixteenBytes).ToString());
        Assert.Equal(string.Empty, default(EngagementId).ToString());
    }
}
