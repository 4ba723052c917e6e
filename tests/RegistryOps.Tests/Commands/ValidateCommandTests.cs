using RegistryOps.Commands;

namespace RegistryOps.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ro-validate-");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void ValidFile_PrintsOneOkLineAndReturnsZero()
    {
        var path = Write("timezone: UTC\n");

        var code = ValidateCommand.Run(path, _output, _error);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal($"OK: {path}{Environment.NewLine}", _output.ToString());
    }

    [Fact]
    public void BrokenRegsyncFile_FailsValidationWithItsLocation()
    {
        var regsync = Path.Combine(_directory.FullName, "regsync.yml");
        File.WriteAllText(regsync, "version: 1\nsync:\n  - source: docker.io/library/nginx\n"
            + "    target: 127.0.0.1:5000/library/nginx\n    type: repository\n"
            + "    tags:\n      allow:\n        - \"1\\\\.(.*\"\n");
        var path = Write($"jobs:\n  sync:\n    files: {regsync}\n");

        var code = ValidateCommand.Run(path, _output, _error);

        Assert.Equal(ExitCodes.InvalidConfigOrUsage, code);
        Assert.Contains($"{regsync}:8:", _error.ToString());
        Assert.Equal("", _output.ToString());
    }

    [Fact]
    public void NoRegsyncFileYet_IsAWarningNotAnError()
    {
        var path = Write($"jobs:\n  sync:\n    files: {_directory.FullName}/regsync*.yml\n");

        var code = ValidateCommand.Run(path, _output, _error);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("warning: jobs.sync.files: no regsync file matches", _error.ToString());
    }

    [Fact]
    public void FileWithProblems_PrintsEveryProblemWithLocationAndReturnsOne()
    {
        var path = Write("timezone: UTC\nbogus: 1\njobs:\n  changes:\n    schedule: \"61 * * * *\"\n");

        var code = ValidateCommand.Run(path, _output, _error);

        Assert.Equal(ExitCodes.InvalidConfigOrUsage, code);
        Assert.Empty(_output.ToString());
        var lines = _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{path}:2:1: error: bogus:", lines[0]);
        Assert.StartsWith($"{path}:5:15: error: jobs.changes.schedule:", lines[1]);
    }

    [Fact]
    public void MissingFile_ReturnsOne()
    {
        var code = ValidateCommand.Run(Path.Combine(_directory.FullName, "absent.yml"), _output, _error);

        Assert.Equal(ExitCodes.InvalidConfigOrUsage, code);
        Assert.Contains("absent.yml", _error.ToString());
    }

    [Fact]
    public async Task CommandLine_PathAsArgumentOrOption_BothWork()
    {
        var path = Write("timezone: UTC\n");

        var root = RegistryOpsCommandLine.Create();

        Assert.Equal(0, await root.Parse(["validate", path]).InvokeAsync());
        Assert.Equal(0, await root.Parse(["validate", "--config", path]).InvokeAsync());
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory.FullName, "registryops.yml");
        File.WriteAllText(path, text);
        return path;
    }
}
