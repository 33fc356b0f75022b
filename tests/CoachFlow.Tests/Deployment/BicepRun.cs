namespace CoachFlow.Tests.Deployment;

/// <summary>What one Bicep CLI command answered.</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError);
