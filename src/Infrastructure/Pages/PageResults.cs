using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>Pages as endpoint results: Razor components rendered on the server, every value encoded by the renderer.</summary>
public static class PageResults
{
    /// <summary><typeparamref name="TPage"/> with <paramref name="parameters"/> (an object whose properties name its parameters).</summary>
    public static RazorComponentResult Render<TPage>(object parameters, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new RazorComponentResult<TPage>(parameters) { StatusCode = statusCode };

    public static RazorComponentResult Message(string title, string message, int statusCode = StatusCodes.Status200OK) =>
        Render<MessagePage>(new { Title = title, Paragraphs = new[] { message } }, statusCode);

    /// <summary>The one answer to a tampered, expired or mistaken link: it never says whether the engagement exists.</summary>
    public static RazorComponentResult InvalidLink() => Message(
        "This link can't be used",
        "This link is not valid or has expired. Please use the latest link in your email, or reply to it and we will help.",
        StatusCodes.Status404NotFound);
}
