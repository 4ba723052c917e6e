using System.CommandLine;
using System.Text.Json;
using RegistryOps.Commands.Sync;
using RegistryOps.Core.Configuration;
using RegistryOps.IntegrationTests.Infrastructure;

namespace RegistryOps.IntegrationTests.Sync;

[Collection(RegistryCollection.Name)]
public sealed class SyncCheckCommandTests : IClassFixture<SyncRegistries>
{
    private readonly SyncRegistries _registries;

    public SyncCheckCommandTests(SyncRegistries registries)
    {
        _registries = registries;
    }

    private static async Task<(int Exit, string Output)> CheckAsync(string files, bool json = false)
    {
        var root = new RootCommand { Subcommands = { new Command("sync") { Subcommands = {
            SyncCheckCommand.Create(_ => throw new InvalidOperationException("no config in this test")) } } } };
        var output = new StringWriter();
        string[] arguments = json
            ? ["sync", "check", "--files", files, "--json"]
            : ["sync", "check", "--files", files];
        var exit = await root.Parse(arguments).InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = new StringWriter(),
        });
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Check_exits_5_while_stale_and_0_once_synced()
    {
        using var rig = new SyncRig();
        var source = SyncRig.Host(_registries.Source);
        var target = SyncRig.Host(_registries.Target);
        var image = await _registries.Source.Images().PushImageAsync("check/app", "1", [300]);
        var path = rig.WriteFile([source, target], $"""
              - source: {source}/check/app:1
                target: {target}/check/app
                type: image
            """);

        var (staleExit, staleJson) = await CheckAsync(path, json: true);
        var (reports, session) = await SyncRig.RunAsync(path);
        session.Dispose();
        var (freshExit, freshText) = await CheckAsync(path);

        Assert.Equal(SyncCheckCommand.ExitStale, staleExit);
        var row = Assert.Single(JsonDocument.Parse(staleJson).RootElement.EnumerateArray());
        Assert.Equal("missing", row.GetProperty("state").GetString());
        Assert.Equal(image.Digest, row.GetProperty("sourceDigest").GetString());
        Assert.Equal(SyncCheckCommand.ExitUpToDate, freshExit);
        Assert.Contains($"up-to-date {target}/check/app:1", freshText);
    }

    [Fact]
    public async Task Check_exits_2_when_a_source_is_unreachable()
    {
        using var rig = new SyncRig();
        var dead = $"127.0.0.1:{FreePort.Next()}";
        var path = rig.WriteFile([dead, SyncRig.Host(_registries.Target)], $"""
              - source: {dead}/gone/app
                target: {SyncRig.Host(_registries.Target)}/gone/app
                type: repository
            """);

        var (exit, output) = await CheckAsync(path);

        Assert.Equal(SyncCheckCommand.ExitErrors, exit);
        Assert.StartsWith("error", output);
    }
}
