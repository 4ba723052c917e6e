using System.Globalization;
using RegistryOps.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// bench changes [--repositories N] [--tags N] [--skopeo-sample N] [--markdown FILE]
// bench sync [--images N] [--megabytes N] [--markdown FILE]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: RegistryOps.Bench changes [--repositories 1000] [--tags 5] "
        + "[--skopeo-sample 100] [--markdown FILE]\n"
        + "       RegistryOps.Bench sync [--images 20] [--megabytes 200] [--markdown FILE]");
    return args.Length == 0 ? 2 : 0;
}

return args[0] switch
{
    "changes" => await ChangesBench.RunAsync(BenchOptions.Parse(args[1..])),
    "sync" => await SyncBench.RunAsync(args[1..]),
    _ => Fail($"unknown benchmark '{args[0]}'"),
};

static int Fail(string message)
{
    Console.Error.WriteLine("bench: " + message);
    return 2;
}
