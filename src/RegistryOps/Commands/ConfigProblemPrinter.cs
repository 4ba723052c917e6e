using RegistryOps.Core.Configuration;

namespace RegistryOps.Commands;

/// <summary>Prints config problems one per line as <c>file:line:column: error: key: message</c>.</summary>
internal static class ConfigProblemPrinter
{
    public static void Print(IEnumerable<ConfigProblem> problems, TextWriter writer)
    {
        foreach (var problem in problems)
        {
            writer.WriteLine(problem.ToString());
        }
    }
}
