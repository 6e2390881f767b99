using System.Collections;
using System.Management.Automation;
using IdentityContainment.Pipeline;

namespace IdentityContainment.Commands.Support;

/// <summary>
/// Turns whatever names a user into its id or UPN before binding: a string or a [guid] as it is, an object by the first of its
/// id properties that has a value (the rules: <see cref="InputUser"/>). PowerShell's own by-property-name binding takes the first property that exists,
/// even when it is empty, so a Get-MgUser object read without its UserPrincipalName would fail to bind.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class UserIdTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = Unwrap(inputData);
        if (value is null or string)
        {
            return value;
        }

        // A [guid] is an object id as it is: it has no id property of its own to read.
        if (value is Guid objectId)
        {
            return objectId.ToString("D");
        }

        if (value is IList many)
        {
            return many.Cast<object?>().Select(item => Transform(engineIntrinsics, item)).ToArray();
        }

        PSObject input = PSObject.AsPSObject(inputData!);
        return IdOf(input, (input.TypeNames.FirstOrDefault() ?? value.GetType().FullName ?? "object").Split('.').Last());
    }

    /// <summary>The user principal name an object carries beside its id (a Graph user, a mailbox, a ContainmentAction), if any.</summary>
    public static string? UserPrincipalNameOf(PSObject input) =>
        Unwrap(input) is string or Guid ? null : Text(input, "UserPrincipalName");

    private static object? Unwrap(object? input) => input is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : input;

    /// <summary>A property as PowerShell sees it, or a hashtable's key, which PowerShell does not list as a property; null when blank.</summary>
    private static string? Text(PSObject input, string name)
    {
        object? value = input.Properties[name]?.Value ?? (Unwrap(input) is IDictionary dictionary && dictionary.Contains(name) ? dictionary[name] : null);
        return Unwrap(value)?.ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null;
    }

    /// <summary>The user an object names, read as the binding reads it (hashtable keys, blank values skipped), or null.</summary>
    public static string? IdOrNull(PSObject input) => InputUser.IdOf(name => Text(input, name));

    private static string IdOf(PSObject input, string typeName) =>
        IdOrNull(input) ?? throw new ArgumentTransformationMetadataException(InputUser.WhyNone(name => Text(input, name), typeName));
}
