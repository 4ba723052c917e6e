using System.Text.Json;

namespace RegistryOps.ControlSocket;

/// <summary>Plain-text rendering of control answers for a terminal.</summary>
internal static class ControlOutput
{
    public static void PrintStatus(JsonElement status)
    {
        Console.WriteLine(status.GetProperty("summary").GetString());
        foreach (var job in status.GetProperty("jobs").EnumerateArray())
        {
            var name = job.GetProperty("name").GetString();
            var state = !job.GetProperty("enabled").GetBoolean() ? "disabled"
                : job.GetProperty("running").GetBoolean() ? "running" : "idle";
            var next = job.TryGetProperty("nextRun", out var n)
                ? $"next {n.GetDateTimeOffset():yyyy-MM-dd HH:mm:ss zzz}"
                : "";
            Console.WriteLine($"  {name,-10} {state,-9} {next}");
        }

        PrintParties("lock held by", status.GetProperty("lockHolders"));
        PrintParties("lock waiting", status.GetProperty("lockWaiters"));
    }

    public static void PrintTrigger(JsonElement result) =>
        Console.WriteLine(result.GetProperty("message").GetString());

    public static void PrintHistory(JsonElement runs)
    {
        foreach (var run in runs.EnumerateArray())
        {
            var started = run.GetProperty("startedAt").GetDateTimeOffset();
            var outcome = run.TryGetProperty("outcome", out var o) ? o.GetString() : "running";
            var summary = run.TryGetProperty("summary", out var s) ? s.GetString() : "";
            Console.WriteLine($"{started:yyyy-MM-dd HH:mm:ss}  {run.GetProperty("job").GetString(),-8} " +
                $"{outcome,-10} {run.GetProperty("runId").GetString()}  {summary}");
        }
    }

    private static void PrintParties(string label, JsonElement parties)
    {
        var names = parties.EnumerateArray().Select(p => p.GetString()).ToList();
        if (names.Count > 0)
        {
            Console.WriteLine($"{label}: {string.Join(", ", names)}");
        }
    }
}
