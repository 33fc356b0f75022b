using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Lifecycle;
using Microsoft.Extensions.Options;

namespace CoachFlow.Tests.Scheduling;

public sealed class EmailTemplatesTests
{
    private static readonly LifecycleEmailModel Model = new(new EmailCoach("Sam <Rivers>", "sam@coach.example", "#2f6f5e"), "Ada & Co") { StatusUrl = new Uri("http://localhost/s?a=1&b=2") };

    private static EmailTemplates Templates(string? folder = null) =>
        new(Options.Create(new CoachFlowOptions { Email = new EmailOptions { TemplateFolder = folder } }));

    [Fact]
    public async Task Built_in_templates_render_a_plain_text_part_and_an_encoded_html_part_in_the_layout()
    {
        var email = await Templates().RenderAsync("acknowledgement", Model);

        Assert.Equal("Thank you for getting in touch, Ada & Co", email.Subject);
        Assert.Contains("Dear Ada & Co,", email.Text, StringComparison.Ordinal);
        Assert.Contains("Dear Ada &amp; Co,", email.Html, StringComparison.Ordinal);
        Assert.Contains("Sam &lt;Rivers&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost/s?a=1&amp;b=2\"", email.Html, StringComparison.Ordinal);
        Assert.StartsWith("<!doctype html>", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coach_overrides_one_template_from_a_folder_and_keeps_the_rest()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "acknowledgement.liquid"), "--- subject\nHello {{ clientName }}!\n--- text\nHi {{ clientName }}\n--- html\n<p>Hi {{ clientName }}</p>\n", TestContext.Current.CancellationToken);

        var overridden = await Templates(folder).RenderAsync("acknowledgement", Model);
        var untouched = await Templates(folder).RenderAsync("booking-reminder", Model);

        Assert.Equal("Hello Ada & Co!", overridden.Subject);
        Assert.Equal("Hi Ada & Co\n", overridden.Text);
        Assert.Contains("<p>Hi Ada &amp; Co</p>", overridden.Html, StringComparison.Ordinal);
        Assert.StartsWith("A gentle reminder", untouched.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_missing_a_section_is_a_clear_error()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "acknowledgement.liquid"), "--- subject\nHello\n", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Templates(folder).RenderAsync("acknowledgement", Model));

        Assert.Contains("lacks its text, html section(s)", error.Message, StringComparison.Ordinal);
    }
}
