using System.Reflection;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// Reads <c>src/Functions</c> with Roslyn's syntax API: the project cannot be restored here, so its
/// shape is checked as source. Names written as constants (<c>LifecycleActivities.SendDecline</c>)
/// are resolved against the real Domain types.
/// </summary>
public sealed class FunctionsSource
{
    private static readonly Assembly Domain = typeof(EngagementWorkflow).Assembly;

    private FunctionsSource(IReadOnlyList<FunctionMethod> functions) => Functions = functions;

    public IReadOnlyList<FunctionMethod> Functions { get; }

    public static FunctionsSource Load()
    {
        var folder = Path.Combine(AzuriteFixture.RepositoryRoot, "src", "Functions");
        var functions = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Select(Describe)
            .OfType<FunctionMethod>()
            .ToList();
        return new FunctionsSource(functions);
    }

    /// <summary>The constant an attribute argument names: a string literal, or Type.Member resolved by reflection.</summary>
    public static string? Resolve(ExpressionSyntax? expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.Token.ValueText,
        MemberAccessExpressionSyntax member => Domain.GetTypes()
            .Where(t => t.Name == member.Expression.ToString().Split('.')[^1])
            .Select(t => t.GetField(member.Name.Identifier.Text, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string)
            .FirstOrDefault(v => v is not null),
        _ => null,
    };

    private static FunctionMethod? Describe(MethodDeclarationSyntax method)
    {
        var function = Attribute(method.AttributeLists, "Function");
        if (function is null)
        {
            return null;
        }

        var name = Resolve(function.ArgumentList?.Arguments.FirstOrDefault()?.Expression);
        var triggers = method.ParameterList.Parameters
            .SelectMany(p => p.AttributeLists.SelectMany(l => l.Attributes))
            .Select(a => (Name: a.Name.ToString().Replace("Attribute", string.Empty, StringComparison.Ordinal), Attribute: a))
            .ToList();
        var http = triggers.FirstOrDefault(t => t.Name == "HttpTrigger").Attribute;
        var args = http?.ArgumentList?.Arguments ?? default;
        var methods = args.Where(a => a.NameEquals is null && a.Expression is LiteralExpressionSyntax).Select(a => Resolve(a.Expression)!.ToUpperInvariant()).ToList();
        var route = args.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Route")?.Expression;
        var forwarded = method.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression.ToString().EndsWith("ForwardAsync", StringComparison.Ordinal))
            .Select(i => Resolve(i.ArgumentList.Arguments.FirstOrDefault()?.Expression))
            .FirstOrDefault();
        return new FunctionMethod(
            name ?? string.Empty,
            triggers.Select(t => t.Name).ToList(),
            methods,
            route is null ? null : Resolve(route),
            forwarded,
            method.ToString());
    }

    private static AttributeSyntax? Attribute(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.SelectMany(l => l.Attributes).FirstOrDefault(a => a.Name.ToString() is var n && (n == name || n == name + "Attribute"));
}

/// <summary>One <c>[Function]</c> method as written: its name, the trigger attributes on its parameters, and for HTTP its methods, route and forward target.</summary>
public sealed record FunctionMethod(string Name, IReadOnlyList<string> Triggers, IReadOnlyList<string> HttpMethods, string? Route, string? ForwardsTo, string Source);
