using RegistryOps.Commands;

return await RegistryOpsCommandLine.InvokeAsync(args);
