using System.Management.Automation;
using IdentityContainment.Connection;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// Lets a SecureString parameter also take plain text, because tools hand tokens out both ways
/// (Get-AzAccessToken returns a SecureString in newer Az versions and a string in older ones).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is string text ? SecureStrings.Protect(text) : inputData;
    }
}
