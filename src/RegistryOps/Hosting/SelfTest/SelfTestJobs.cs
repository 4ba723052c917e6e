using Microsoft.Extensions.DependencyInjection;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Hosting.SelfTest;

internal static class SelfTestJobs
{
    public const string EnvironmentVariable = "REGISTRYOPS_TEST_JOBS";

    /// <summary>Adds the hidden test jobs when REGISTRYOPS_TEST_JOBS=1; otherwise nothing.</summary>
    public static IServiceCollection AddSelfTestJobsWhenAsked(this IServiceCollection services)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) == "1")
        {
            services.AddSingleton<IJob, SelfTestSleepJob>();
        }

        return services;
    }
}
