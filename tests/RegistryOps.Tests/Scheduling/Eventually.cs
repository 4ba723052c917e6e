namespace RegistryOps.Tests.Scheduling;

/// <summary>Waits (in real time) for work that runs on other tasks to reach a state.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"not reached in time: {what}");
            await Task.Delay(10);
        }
    }
}
