using System.Management.Automation;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// Lets a DateTime parameter (-Since, -Until) take a DateTimeOffset, the type every finding's time has: PowerShell has no
/// conversion between the two, so "-Since $finding.CreatedDateTime" would otherwise fail to bind. The offset becomes its
/// UTC instant; DateTime values and text go on to PowerShell's own conversion.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class PointInTimeTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is DateTimeOffset offset ? offset.UtcDateTime : inputData;
    }
}
