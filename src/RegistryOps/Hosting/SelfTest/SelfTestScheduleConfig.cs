using RegistryOps.Core.Configuration;

namespace RegistryOps.Hosting.SelfTest;

/// <summary>The fixed schedule of the self-test job (it has no config section).</summary>
internal sealed class SelfTestScheduleConfig : JobScheduleConfig;
