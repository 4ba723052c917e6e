namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>Tests with <c>[Collection(RegistryCollection.Name)]</c> share one engine and image.</summary>
[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryFixture>
{
    public const string Name = "registry";
}
