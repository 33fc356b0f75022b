using System.Diagnostics;

namespace CoachFlow.Infrastructure.DevelopmentStorage;

/// <summary>
/// Drains a child process's output (so a full pipe never blocks it) and keeps the last few lines
/// to explain a failure.
/// </summary>
internal sealed class OutputTail
{
    private const int Keep = 5;
    private readonly Queue<string> _lines = new();

    public OutputTail(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Last()
    {
        lock (_lines)
        {
            return _lines.Count == 0 ? "(no output)" : string.Join(" | ", _lines);
        }
    }

    private void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line.Trim());
            while (_lines.Count > Keep)
            {
                _lines.Dequeue();
            }
        }
    }
}
