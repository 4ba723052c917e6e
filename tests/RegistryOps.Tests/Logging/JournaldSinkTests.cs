using System.Text;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Logging;
using Serilog;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace RegistryOps.Tests.Logging;

public sealed class JournaldSinkTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly JournalDatagramReceiver _journal = new();

    public void Dispose() => _journal.Dispose();

    [Fact]
    public async Task Emit_SendsRenderedMessagePriorityIdentifierAndPropertiesAsFields()
    {
        using var logger = CreateLogger();

        logger.Information("Run {RunId} of {Job} ended {Outcome} after {Seconds}s",
            "r-17", "gc", "Succeeded", 2.5);

        var entry = await _journal.ReceiveAsync(Wait);
        Assert.NotNull(entry);
        Assert.Equal("Run r-17 of gc ended Succeeded after 2.5s", entry["MESSAGE"]);
        Assert.Equal("6", entry["PRIORITY"]);
        Assert.Equal("registryops", entry["SYSLOG_IDENTIFIER"]);
        Assert.Equal("Run {RunId} of {Job} ended {Outcome} after {Seconds}s", entry["MESSAGE_TEMPLATE"]);
        Assert.Equal("gc", entry["JOB"]);
        Assert.Equal("r-17", entry["RUN_ID"]);
        Assert.Equal("Succeeded", entry["OUTCOME"]);
        Assert.Equal("2.5", entry["SECONDS"]);
    }

    [Theory]
    [InlineData(LogEventLevel.Verbose, "7")]
    [InlineData(LogEventLevel.Debug, "7")]
    [InlineData(LogEventLevel.Information, "6")]
    [InlineData(LogEventLevel.Warning, "4")]
    [InlineData(LogEventLevel.Error, "3")]
    [InlineData(LogEventLevel.Fatal, "2")]
    public async Task Emit_MapsLevelToSyslogPriority(LogEventLevel level, string priority)
    {
        using var logger = CreateLogger();

        logger.Write(level, "level test");

        var entry = await _journal.ReceiveAsync(Wait);
        Assert.Equal(priority, entry!["PRIORITY"]);
    }

    [Fact]
    public async Task Emit_ExceptionAndMultiLineValues_UseTheBinaryFieldForm()
    {
        using var logger = CreateLogger();
        var exception = Catch(() => throw new InvalidOperationException("broken"));

        logger.Error(exception, "first line\nsecond line");

        var entry = await _journal.ReceiveAsync(Wait);
        Assert.Equal("first line\nsecond line", entry!["MESSAGE"]);
        Assert.Contains("InvalidOperationException: broken", entry["EXCEPTION"]);
        Assert.Contains("\n", entry["EXCEPTION"]);
    }

    [Fact]
    public async Task Emit_ThroughMicrosoftLogging_ScopeDictionaryAndEventIdBecomeFields()
    {
        using var serilog = CreateLogger();
        using var factory = new LoggerFactory([new SerilogLoggerProvider(serilog)]);
        var logger = factory.CreateLogger("RegistryOps.Scheduling.JobRunner");
        var scope = new Dictionary<string, object>
        {
            ["Job"] = "changes",
            ["RunId"] = "r-42",
            ["Trigger"] = "Schedule",
        };

        using (logger.BeginScope(scope))
        {
            logger.LogInformation(new EventId(1201, "RunFinished"), "Run finished with {Outcome}", "Partial");
        }

        var entry = await _journal.ReceiveAsync(Wait);
        Assert.Equal("Run finished with Partial", entry!["MESSAGE"]);
        Assert.Equal("changes", entry["JOB"]);
        Assert.Equal("r-42", entry["RUN_ID"]);
        Assert.Equal("Schedule", entry["TRIGGER"]);
        Assert.Equal("Partial", entry["OUTCOME"]);
        Assert.Equal("1201", entry["EVENT_ID"]);
        Assert.Equal("RunFinished", entry["EVENT_NAME"]);
        Assert.Equal("RegistryOps.Scheduling.JobRunner", entry["SOURCE_CONTEXT"]);
    }

    [Fact]
    public async Task Emit_PropertyNamedLikeAReservedField_DoesNotReplaceIt()
    {
        using var logger = CreateLogger();

        logger.Warning("{Message} at {Priority}", "text", "high");

        var entry = await _journal.ReceiveAsync(Wait);
        Assert.Equal("text at high", entry!["MESSAGE"]);
        Assert.Equal("4", entry["PRIORITY"]);
    }

    [Fact]
    public async Task Emit_EntryLargerThanTheSocketAllows_IsSentTruncatedWithANote()
    {
        using var logger = CreateLogger(sendBufferSize: 4096);
        var huge = new string('x', 100_000);

        logger.Information("{Payload}", huge);

        var entry = await _journal.ReceiveAsync(Wait);
        Assert.NotNull(entry);
        Assert.StartsWith("xxxx", entry["MESSAGE"]);
        Assert.Contains("[truncated: 100000 characters did not fit in one journal datagram]", entry["MESSAGE"]);
        Assert.True(entry["MESSAGE"].Length < huge.Length);
        Assert.Equal("6", entry["PRIORITY"]);
    }

    [Fact]
    public void Emit_WhenNothingListens_DoesNotThrowAndReportsToSelfLog()
    {
        var selfLog = new StringBuilder();
        SelfLog.Enable(message => { lock (selfLog) { selfLog.AppendLine(message); } });
        try
        {
            using var sink = new JournaldSink(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}"));
            using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

            logger.Error("nobody hears this");

            lock (selfLog)
            {
                Assert.Contains("journald sink: could not send", selfLog.ToString());
            }
        }
        finally
        {
            SelfLog.Disable();
        }
    }

    private Serilog.Core.Logger CreateLogger(int? sendBufferSize = null) =>
        new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.Sink(new JournaldSink(_journal.SocketPath, sendBufferSize: sendBufferSize))
            .CreateLogger();

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("no exception");
    }
}
