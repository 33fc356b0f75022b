using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Links;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>An action the workspace offers on an engagement: the same handler, prompt and fields as its emailed link.</summary>
public sealed record WorkspaceAction(LinkAction Action, ActPrompt Prompt);
