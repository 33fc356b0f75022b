namespace CoachFlow.LocalHost.Workflow;

/// <summary>One contribution to the registry; the registry applies them all when first resolved.</summary>
public sealed record WorkflowRegistration(Action<WorkflowRegistry> Register);
