namespace DemoApp.Tests;

public sealed class SecretScrubberTests
{
    [Fact]
    public void Masks_a_password_in_plain_and_percent_encoded_form()
    {
        var password = TestValues.NewPassword();
        var scrubber = new SecretScrubber([password]);

        var encoded = Uri.EscapeDataString(password);

        var text = scrubber.Scrub($"auth failed for {password}; config {encoded}");

        Assert.Equal("auth failed for ***; config ***", text);
    }

    [Fact]
    public void Folds_a_multi_line_message_into_one_bounded_line()
    {
        var scrubber = new SecretScrubber([]);

        var text = scrubber.Scrub("first\r\nsecond\n" + new string('x', 500));

        Assert.StartsWith("first second xxx", text);
        Assert.DoesNotContain('\n', text);
        Assert.True(text.Length <= 303, $"Scrubbed text has {text.Length} characters.");
    }
}
