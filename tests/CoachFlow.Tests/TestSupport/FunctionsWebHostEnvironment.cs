using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// The environment the Functions worker's ASP.NET Core integration registers (its <c>ConfigureWebHostDefaults</c>
/// makes it an <see cref="IWebHostEnvironment"/>); the pages' Razor renderer reads it.
/// </summary>
public sealed class FunctionsWebHostEnvironment : IWebHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Production;

    public string ApplicationName { get; set; } = "CoachFlow.Functions";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

    public string WebRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
}
