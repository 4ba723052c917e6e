using Microsoft.Extensions.DependencyInjection;
using RegistryOps.Core;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Notifications;
using RegistryOps.Core.Notifications.Ntfy;
using RegistryOps.Jobs.ChangeDetection;
using RegistryOps.Tests.Scheduling;

namespace RegistryOps.Tests.ChangeDetection;

public sealed class ChangesRegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ChangesJobAndNtfy_AreRegistered_WhateverTheOrderAgainstTheRuntime(bool runtimeFirst)
    {
        var state = Directory.CreateTempSubdirectory("registryops-di-").FullName;
        try
        {
            var services = new ServiceCollection().AddLogging();
            services.AddSingleton<IConfigProvider>(new FakeConfigProvider(new RegistryOpsConfig
            {
                Paths = new PathsConfig { State = state, Runtime = state },
            }));
            if (runtimeFirst)
            {
                services.AddRegistryOpsRuntime().AddRegistryOpsNotifications().AddRegistryOpsChanges();
            }
            else
            {
                services.AddRegistryOpsNotifications().AddRegistryOpsChanges().AddRegistryOpsRuntime();
            }

            using var provider = services.BuildServiceProvider();

            var job = Assert.Single(provider.GetServices<IJob>(), j => j.Name == "changes");
            Assert.Equal(RegistryAccess.Shared, job.Access);
            Assert.IsType<NtfyNotifier>(provider.GetRequiredService<INotifier>());
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
