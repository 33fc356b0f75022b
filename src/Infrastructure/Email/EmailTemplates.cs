using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using CoachFlow.Infrastructure.Configuration;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// Renders emails from Liquid templates. Each email is one file, <c>{name}.liquid</c>, with three
/// sections introduced by the lines <c>--- subject</c>, <c>--- text</c> and <c>--- html</c>; the HTML is
/// wrapped in <c>_layout.liquid</c>. Built-in templates are embedded; a coach overrides any of them by
/// putting a file of the same name in <c>CoachFlow:Email:TemplateFolder</c>. In the HTML part every
/// value is HTML-encoded; the subject and text parts are plain text.
/// </summary>
public sealed class EmailTemplates(IOptions<CoachFlowOptions> options)
{
    private const string ResourcePrefix = "CoachFlow.Email.";
    private const string Layout = "_layout";
    private static readonly FluidParser Parser = new();
    private static readonly string[] Sections = ["subject", "text", "html"];

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, IFluidTemplate>> _cache = new(StringComparer.Ordinal);
    private readonly string? _folder = options.Value.Email.TemplateFolder;
    private readonly TemplateOptions _templateOptions = CreateOptions();

    /// <param name="dataUrl">The recipient's "Your data" link, shown at the foot of both parts; only clients get one.</param>
    public async Task<RenderedEmail> RenderAsync(string name, object model, Uri? dataUrl = null)
    {
        var template = Load(name);
        var subject = OneLine(await RenderAsync(template["subject"], model, NullEncoder.Default).ConfigureAwait(false));
        var text = await RenderAsync(template["text"], model, NullEncoder.Default).ConfigureAwait(false);
        var body = await RenderAsync(template["html"], model, Html.Encoder).ConfigureAwait(false);

        var context = new TemplateContext(model, _templateOptions, allowModelMembers: true);
        context.SetValue("content", new StringValue(body, encode: false));
        context.SetValue("subject", new StringValue(subject));
        context.SetValue("dataUrl", new StringValue(dataUrl?.ToString() ?? string.Empty));
        var html = await Load(Layout)["html"].RenderAsync(context, Html.Encoder).ConfigureAwait(false);
        var footer = dataUrl is null ? string.Empty : $"\n--\nWhat we hold about you, to download or erase: {dataUrl}\n";
        return new RenderedEmail(subject, text.Trim() + "\n" + footer, html);
    }

    private Task<string> RenderAsync(IFluidTemplate template, object model, TextEncoder encoder) =>
        template.RenderAsync(new TemplateContext(model, _templateOptions, allowModelMembers: true), encoder).AsTask();

    private IReadOnlyDictionary<string, IFluidTemplate> Load(string name) => _cache.GetOrAdd(name, n =>
    {
        var parsed = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var (section, source) in Split(n, ReadSource(n + ".liquid")))
        {
            parsed[section] = Parser.TryParse(source, out var template, out var error)
                ? template
                : throw new InvalidOperationException($"Email template '{n}' ({section}) does not parse: {error}");
        }

        return parsed;
    });

    private static List<(string Section, string Source)> Split(string name, string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        string? current = null;
        var buffer = new List<string>();
        var found = new List<(string Section, string Source)>();
        foreach (var line in lines)
        {
            var header = Sections.FirstOrDefault(s => line.Trim() == $"--- {s}");
            if (header is null)
            {
                buffer.Add(line);
                continue;
            }

            if (current is not null)
            {
                found.Add((current, string.Join('\n', buffer)));
            }

            current = header;
            buffer.Clear();
        }

        if (current is not null)
        {
            found.Add((current, string.Join('\n', buffer)));
        }

        var missing = name == Layout ? [] : Sections.Except(found.Select(f => f.Section)).ToList();
        return missing.Count == 0 ? found : throw new InvalidOperationException($"Email template '{name}' lacks its {string.Join(", ", missing)} section(s).");
    }

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
