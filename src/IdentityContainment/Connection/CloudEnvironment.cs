namespace IdentityContainment.Connection;

/// <summary>The Microsoft clouds the module can contain identities in.</summary>
public enum CloudEnvironment
{
    Global,
    USGov,
    USGovDoD,
    China,
}
