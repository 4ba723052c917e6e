using RegistryOps.IntegrationTests.Infrastructure;
using RegistryOps.Jobs.Sync;

namespace RegistryOps.IntegrationTests.Sync;

[Collection(RegistryCollection.Name)]
public sealed class SyncAuthTests
{
    [Fact]
    public async Task Writes_through_bearer_tokens_including_a_copy_inside_one_registry()
    {
        await using var source = await RegistryContainer.StartAsync();
        await using var target = await RegistryContainer.StartAsync(new RegistryOptions
        {
            Username = "sync",
            Password = "pa ss",
            TokenAuth = true,
        });
        using var rig = new SyncRig();
        var image = await source.Images().PushImageAsync("auth/app", "1", [2000, 3000]);
        var src = SyncRig.Host(source);
        var dst = SyncRig.Host(target);
        var path = rig.WriteFile([src], $"""
              - source: {src}/auth/app:1
                target: {dst}/auth/app
                type: image
            """);
        File.WriteAllText(path, File.ReadAllText(path).Replace("creds:\n",
            $"creds:\n  - registry: {dst}\n    tls: disabled\n    user: sync\n    pass: \"pa ss\"\n"));
        var copyPath = rig.WriteFile([], $"""
              - source: {dst}/auth/app:1
                target: {dst}/auth/copy
                type: image
            """, "copy.yml");
        File.WriteAllText(copyPath, File.ReadAllText(copyPath).Replace("creds:\n",
            $"creds:\n  - registry: {dst}\n    tls: disabled\n    user: sync\n    pass: \"pa ss\"\n"));

        var (first, firstSession) = await SyncRig.RunAsync(path);
        firstSession.Dispose();
        var (copy, copySession) = await SyncRig.RunAsync(copyPath);
        copySession.Dispose();

        var firstImage = Assert.Single(Assert.Single(first).Images);
        var copied = Assert.Single(Assert.Single(copy).Images);
        Assert.True(firstImage.Outcome == ImageOutcome.Synced, firstImage.Error);
        Assert.True(copied.Outcome == ImageOutcome.Synced, copied.Error);
        Assert.Equal(image.Digest, copied.SourceDigest);
        Assert.True(target.Tokens!.Requests > 0);
    }
}
