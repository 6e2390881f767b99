using System.Text.Json.Nodes;

namespace IdentityContainment.Sandbox;

/// <summary>GET, PATCH (accountEnabled) and DELETE devices/{id}.</summary>
internal static class DeviceHandlers
{
    public static GraphResponse Get(GraphCallContext context)
    {
        if (!DeviceProjection.Properties.TryResolveSelect(context.Query.Select, out var select, out var error))
            return error!;
        var device = context.Tenant.FindDevice(context.RouteValues[0]);
        return device is null
            ? GraphResponse.NotFound(context.RouteValues[0])
            : GraphResponse.Ok(DeviceProjection.Entity(device, select));
    }

    public static GraphResponse Update(GraphCallContext context)
    {
        var device = context.Tenant.FindDevice(context.RouteValues[0]);
        if (device is null)
            return GraphResponse.NotFound(context.RouteValues[0]);
        var (accountEnabled, error) = ReadUpdate(context.Request.Body);
        if (error is not null)
            return error;
        if (accountEnabled is null)
            return GraphResponse.NoContent();

        // Learn: "In application-only scenarios and for non-Windows devices ... the app can update only
        // the extensionAttributes property." The exact error real Graph returns is not documented; a 403
        // Authorization_RequestDenied is our reading of it.
        if (context.Caller.IsAppOnly && !DeviceProjection.IsWindows(device))
            return GraphResponse.Forbidden();

        context.Tenant.SetDeviceEnabled(device.Id, accountEnabled.Value);
        return GraphResponse.NoContent();
    }

    public static GraphResponse Delete(GraphCallContext context) =>
        context.Tenant.RemoveDevice(context.RouteValues[0])
            ? GraphResponse.NoContent()
            : GraphResponse.NotFound(context.RouteValues[0]);

    /// <summary>The accountEnabled value a PATCH body asks for (null: nothing to change), or its 400.</summary>
    private static (bool? AccountEnabled, GraphResponse? Error) ReadUpdate(string? body)
    {
        var json = JsonBody.ParseObject(body);
        if (json is null)
            return (null, GraphResponse.UnreadableBody());
        bool? accountEnabled = null;
        foreach (var (name, value) in json)
        {
            if (name.StartsWith("@odata.", StringComparison.Ordinal))
                continue;
            if (string.Equals(name, "accountEnabled", StringComparison.OrdinalIgnoreCase))
            {
                if (value is not JsonValue v || !v.TryGetValue<bool>(out var enabled))
                    return (null, GraphResponse.Error(400, "BadRequest",
                        $"Cannot convert the literal '{value?.ToJsonString()}' to the expected type 'Edm.Boolean' for property 'accountEnabled'."));
                accountEnabled = enabled;
                continue;
            }
            return (null, DeviceProjection.Properties.All.Contains(name, StringComparer.OrdinalIgnoreCase)
                ? GraphResponse.Error(400, "Request_BadRequest", $"The sandbox does not implement updating '{name}' on a device.")
                : GraphResponse.Error(400, "Request_BadRequest", $"Property '{name}' does not exist as a declared property or extension property."));
        }
        return (accountEnabled, null);
    }
}
