namespace CoachFlow.Domain.Workflow;

/// <summary>Why a task or an instance failed (Durable's <c>TaskFailureDetails</c>).</summary>
public sealed record WorkflowFailure(string ErrorType, string ErrorMessage);
