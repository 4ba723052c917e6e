namespace RegistryOps.Bench;

internal sealed record BenchOptions(int Repositories, int Tags, int SkopeoSample, string? Markdown)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(1000, 5, 100, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--repositories" => options with { Repositories = int.Parse(args[i + 1]) },
                "--tags" => options with { Tags = int.Parse(args[i + 1]) },
                "--skopeo-sample" => options with { SkopeoSample = int.Parse(args[i + 1]) },
                "--markdown" => options with { Markdown = args[i + 1] },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
