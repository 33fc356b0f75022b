using CoachFlow.Infrastructure.Email;

namespace CoachFlow.Tests.Email;

/// <summary>
/// SendGrid's error body as the short line logs and workflow history keep: its errors in order, addresses masked,
/// cut to length, and nothing at all from a body that is not SendGrid's JSON (it could hold anything).
/// </summary>
public sealed class SendGridErrorsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("<html>Bad gateway for ada@example.com</html>")]
    [InlineData("""["errors"]""")]
    [InlineData("""{"message":"no errors array"}""")]
    [InlineData("""{"errors":{"message":"not an array"}}""")]
    public void A_body_that_is_not_sendgrids_error_list_says_nothing(string? body) =>
        Assert.Equal(string.Empty, SendGridErrors.Describe(body));

    [Fact]
    public void Each_error_reads_as_field_and_message_in_order_and_one_without_a_message_says_so()
    {
        const string body = """{"errors":[{"field":"subject","message":"is required"},{"message":"Rate limit"},{"field":"from"},"not an object"]}""";

        Assert.Equal(": subject: is required; Rate limit; from: no message", SendGridErrors.Describe(body));
    }

    [Fact]
    public void An_address_sendgrid_echoes_back_is_masked()
    {
        const string body = """{"errors":[{"field":"personalizations.0.to","message":"Does not contain a valid address: ada@example.com."}]}""";

        Assert.Equal(": personalizations.0.to: Does not contain a valid address: [address]", SendGridErrors.Describe(body));
    }

    [Fact]
    public void A_long_list_is_cut_to_three_hundred_characters()
    {
        var body = $$"""{"errors":[{"message":"{{new string('x', 500)}}"}]}""";

        Assert.Equal(": " + new string('x', 298), SendGridErrors.Describe(body));
    }
}
