using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Pages;
using Fluid;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// Renders emails from Liquid templates: <c>{name}.subject.liquid</c>, <c>{name}.text.liquid</c> and
/// <c>{name}.html.liquid</c>, the HTML wrapped in <c>_layout.html.liquid</c>. Built-in templates are
/// embedded; a coach overrides any of them by putting a file of the same name in
/// <c>CoachFlow:Email:TemplateFolder</c>. In the HTML part every value is HTML-encoded.
/// </summary>
public sealed class EmailTemplates(IOptions<CoachFlowOptions> options)
{
    private const string ResourcePrefix = "CoachFlow.Email.";
    private static readonly FluidParser Parser = new();

    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new(StringComparer.Ordinal);
    private readonly string? _folder = options.Value.Email.TemplateFolder;
    private readonly TemplateOptions _templateOptions = CreateOptions();

    public async Task<RenderedEmail> RenderAsync(string name, object model)
    {
        var subject = await RenderAsync($"{name}.subject.liquid", model, NullEncoder.Default).ConfigureAwait(false);
        var text = await RenderAsync($"{name}.text.liquid", model, NullEncoder.Default).ConfigureAwait(false);
        var body = await RenderAsync($"{name}.html.liquid", model, Html.Encoder).ConfigureAwait(false);
        var context = new TemplateContext(model, _templateOptions, allowModelMembers: true);
        context.SetValue("content", new Fluid.Values.StringValue(body, encode: false));
        context.SetValue("subject", new Fluid.Values.StringValue(OneLine(subject)));
        var html = await Template("_layout.html.liquid").RenderAsync(context, Html.Encoder).ConfigureAwait(false);
        return new RenderedEmail(OneLine(subject), text.Trim() + "\n", html);
    }

    private async Task<string> RenderAsync(string file, object model, TextEncoder encoder) =>
        await Template(file).RenderAsync(new TemplateContext(model, _templateOptions, allowModelMembers: true), encoder).ConfigureAwait(false);

    private IFluidTemplate Template(string file) => _cache.GetOrAdd(file, f =>
    {
        var source = ReadSource(f);
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Email template '{f}' does not parse: {error}");
    });

    private string ReadSource(string file)
    {
        if (_folder is not null && File.Exists(Path.Combine(_folder, file)))
        {
            return File.ReadAllText(Path.Combine(_folder, file));
        }

        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"There is no email template '{file}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static TemplateOptions CreateOptions()
    {
        var templateOptions = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
        templateOptions.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.CamelCase;
        return templateOptions;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
